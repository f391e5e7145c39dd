'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { safeReturnPath } from '@/lib/auth/guards'
import { endSession } from '@/lib/auth/session'
import { SIGN_IN_MESSAGES, signIn } from '@/lib/auth/sign-in'

export interface SignInState {
  error?: string
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const password = formData.get('password')
  if (typeof password !== 'string' || password === '') return { error: 'Enter the team password.' }

  const result = await signIn(password, await headers())
  if (!result.ok) return { error: SIGN_IN_MESSAGES[result.reason] }

  const next = formData.get('next')
  redirect(safeReturnPath(typeof next === 'string' ? next : null))
}

export async function signOutAction(): Promise<void> {
  await endSession()
  redirect('/sign-in')
}
