'use client'

import { useActionState, useEffect, useState } from 'react'

import { saveQrDesignAction, type SaveQrDesignState } from '@/app/actions/save-qr-design'
import { borderFor, FieldError, inputClass, primaryButtonClass } from '@/components/ui/form'
import { MAX_PNG_SIZE } from '@/lib/codes/qr'
import {
  checkColourPair,
  ERROR_CORRECTION_LEVELS,
  LOGO_CONTENT_TYPES,
  MAX_LOGO_BYTES,
  MAX_LOGO_WIDTH_PERCENT,
  MAX_MARGIN,
  MIN_LOGO_WIDTH_PERCENT,
  MIN_MARGIN,
  parseOpaqueHexColour,
  type ErrorCorrectionLevel,
  type QrDesign,
  type QrLogo,
} from '@/lib/codes/qr-design'
import { renderDesignedQrSvg } from '@/lib/codes/qr-render'
import type { FieldErrors } from '@/lib/codes/schema'

const INITIAL_STATE: SaveQrDesignState = { status: 'idle', submission: 0 }

interface EditorProps {
  codeId: string
  slug: string
  /** The text the QR encodes, for the live preview. */
  qrText: string
  design: QrDesign
}

/** Edits a code's QR design and previews it as the user types; the server checks it again on save. */
export function QrDesignEditor({ codeId, slug, qrText, design }: EditorProps) {
  const [state, formAction, pending] = useActionState(saveQrDesignAction, INITIAL_STATE)
  const saved = state.design ?? design

  return (
    <section aria-labelledby="qr-design-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="qr-design-heading" className="text-lg font-semibold">
        Design
      </h2>
      <p className="text-sm text-slate-500">
        Printed codes keep the link, so a new design applies to new prints only. Download PNG up to {MAX_PNG_SIZE} px or SVG for print.
      </p>
      {/* Remounting after each submission starts the fields from the design as saved. */}
      <DesignFields
        key={state.submission}
        codeId={codeId}
        slug={slug}
        qrText={qrText}
        saved={saved}
        fieldErrors={state.fieldErrors ?? {}}
        formAction={formAction}
        pending={pending}
      />
      <p role="status" aria-live="polite" className={`mt-3 text-sm ${state.status === 'error' ? 'text-red-700' : 'text-green-700'}`}>
        {state.message}
      </p>
    </section>
  )
}

interface FieldsProps {
  codeId: string
  slug: string
  qrText: string
  saved: QrDesign
  fieldErrors: FieldErrors
  formAction: (formData: FormData) => void
  pending: boolean
}

function DesignFields({ codeId, slug, qrText, saved, fieldErrors, formAction, pending }: FieldsProps) {
  const [foreground, setForeground] = useState(saved.foreground)
  const [background, setBackground] = useState(saved.background)
  const [errorCorrection, setErrorCorrection] = useState<ErrorCorrectionLevel>(saved.errorCorrection)
  const [margin, setMargin] = useState(String(saved.margin))
  const [logoWidthPercent, setLogoWidthPercent] = useState(String(saved.logoWidthPercent))
  const [chosenLogo, setChosenLogo] = useState<QrLogo | null>(null)
  const [removeLogo, setRemoveLogo] = useState(false)
  const [logoError, setLogoError] = useState<string | undefined>()
  const [previewSvg, setPreviewSvg] = useState<string | null>(null)

  const logo = chosenLogo ?? (removeLogo ? null : saved.logo)
  const colourProblems = checkColours(foreground, background)
  const errors: FieldErrors = { ...colourProblems, ...fieldErrors, ...(logoError ? { logo: logoError } : {}) }

  // The preview draws what would be saved, or keeps the last good one while a field is invalid.
  useEffect(() => {
    const marginModules = Number(margin)
    const widthPercent = Number(logoWidthPercent)
    const usable =
      Object.keys(colourProblems).length === 0 &&
      Number.isInteger(marginModules) && marginModules >= MIN_MARGIN && marginModules <= MAX_MARGIN &&
      Number.isInteger(widthPercent) && widthPercent >= MIN_LOGO_WIDTH_PERCENT && widthPercent <= MAX_LOGO_WIDTH_PERCENT
    if (!usable) return

    let current = true
    const design: QrDesign = {
      foreground: foreground.toLowerCase(),
      background: background.toLowerCase(),
      errorCorrection: logo ? 'H' : errorCorrection,
      margin: marginModules,
      logo,
      logoWidthPercent: widthPercent,
    }
    renderDesignedQrSvg(qrText, design).then((svg) => {
      if (current) setPreviewSvg(svg)
    })
    return () => {
      current = false
    }
    // colourProblems is derived from foreground and background.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [foreground, background, errorCorrection, margin, logoWidthPercent, logo, qrText])

  async function chooseLogo(file: File | undefined) {
    setLogoError(undefined)
    setChosenLogo(null)
    if (!file) return
    if (!(LOGO_CONTENT_TYPES as readonly string[]).includes(file.type)) {
      setLogoError(`Logo must be a PNG or SVG file, not ${file.type || 'this file type'}.`)
      return
    }
    if (file.size > MAX_LOGO_BYTES) {
      setLogoError(`Logo is too large: ${Math.ceil(file.size / 1024)} KB, at most ${MAX_LOGO_BYTES / 1024} KB.`)
      return
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    setChosenLogo({ contentType: file.type as QrLogo['contentType'], base64: btoa(binary) })
  }

  return (
    <form action={formAction} noValidate className="mt-4 grid gap-6 md:grid-cols-[1fr_auto]">
      <input type="hidden" name="id" value={codeId} />
      <div className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <ColourField name="foreground" label="Foreground (modules)" value={foreground} onChange={setForeground} error={errors.foreground} />
          <ColourField name="background" label="Background" value={background} onChange={setBackground} error={errors.background} />
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="errorCorrection" className="text-sm font-medium text-slate-700">
              Error correction
            </label>
            <select
              id="errorCorrection"
              name="errorCorrection"
              value={logo ? 'H' : errorCorrection}
              disabled={logo !== null}
              onChange={(event) => setErrorCorrection(event.target.value as ErrorCorrectionLevel)}
              aria-describedby="errorCorrection-hint"
              className={`${inputClass} ${borderFor(errors.errorCorrection)}`}
            >
              {ERROR_CORRECTION_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level} ({ERROR_CORRECTION_RECOVERY[level]})
                </option>
              ))}
            </select>
            <p id="errorCorrection-hint" className="mt-1 text-xs text-slate-500">
              {logo ? 'A logo needs level H.' : 'Higher levels survive damage but need more modules.'}
            </p>
            <FieldError id="errorCorrection-error" message={errors.errorCorrection} />
          </div>
          <NumberField name="margin" label="Quiet zone (modules)" min={MIN_MARGIN} max={MAX_MARGIN} value={margin} onChange={setMargin} error={errors.margin} />
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Logo in the centre</legend>
          <input
            id="logo"
            name="logo"
            type="file"
            accept={LOGO_CONTENT_TYPES.join(',')}
            onChange={(event) => void chooseLogo(event.target.files?.[0])}
            aria-invalid={errors.logo ? true : undefined}
            aria-describedby="logo-hint"
            className="block text-sm"
          />
          <p id="logo-hint" className="text-xs text-slate-500">
            PNG or SVG, up to {MAX_LOGO_BYTES / 1024} KB. It sits on a plate in the background colour.
          </p>
          <FieldError id="logo-error" message={errors.logo} />
          {saved.logo && !chosenLogo ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeLogo" checked={removeLogo} onChange={(event) => setRemoveLogo(event.target.checked)} className="h-4 w-4" />
              Remove the logo
            </label>
          ) : null}
          {logo ? (
            <NumberField
              name="logoWidthPercent"
              label="Logo width (% of the symbol)"
              min={MIN_LOGO_WIDTH_PERCENT}
              max={MAX_LOGO_WIDTH_PERCENT}
              value={logoWidthPercent}
              onChange={setLogoWidthPercent}
              error={errors.logoWidthPercent}
            />
          ) : (
            <input type="hidden" name="logoWidthPercent" value={logoWidthPercent} />
          )}
        </fieldset>

        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Saving…' : 'Save design'}
        </button>
      </div>

      <div className="space-y-3">
        {previewSvg ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data URI needs no image optimisation
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(previewSvg)}`}
            alt="Preview of the QR code with this design"
            width={224}
            height={224}
            className="h-56 w-56 rounded-md border border-slate-100"
            data-testid="qr-design-preview"
          />
        ) : (
          <div className="h-56 w-56 rounded-md border border-slate-100" />
        )}
        <div className="flex flex-col gap-1 text-sm">
          <a href={`/api/codes/${codeId}/qr.png?size=${MAX_PNG_SIZE}&download`} className="text-indigo-700 underline" download={`qr-${slug}-${MAX_PNG_SIZE}px.png`}>
            PNG for print ({MAX_PNG_SIZE} px)
          </a>
          <a href={`/api/codes/${codeId}/qr.svg?download`} className="text-indigo-700 underline">
            SVG for print
          </a>
          <span className="text-xs text-slate-500">Downloads show the saved design.</span>
        </div>
      </div>
    </form>
  )
}

const ERROR_CORRECTION_RECOVERY: Record<ErrorCorrectionLevel, string> = {
  L: 'about 7% restorable',
  M: 'about 15% restorable',
  Q: 'about 25% restorable',
  H: 'about 30% restorable',
}

/** Checks the colours as the server will, so problems show while typing. */
function checkColours(foreground: string, background: string): FieldErrors {
  const dark = parseOpaqueHexColour('Foreground', foreground)
  const light = parseOpaqueHexColour('Background', background)
  const problems: FieldErrors = {}
  if (!dark.ok) problems.foreground = dark.message
  if (!light.ok) problems.background = light.message
  if (dark.ok && light.ok) {
    const pairIssue = checkColourPair(dark.hex, light.hex)
    if (pairIssue) problems[pairIssue.field] = pairIssue.message
  }
  return problems
}

interface ColourFieldProps {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  error: string | undefined
}

function ColourField({ name, label, value, onChange, error }: ColourFieldProps) {
  const parsed = parseOpaqueHexColour(label, value)
  return (
    <div>
      <label htmlFor={name} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={parsed.ok ? parsed.hex : '#000000'}
          onChange={(event) => onChange(event.target.value)}
          className="mt-1 h-10 w-12 shrink-0 rounded border border-slate-300"
        />
        <input
          id={name}
          name={name}
          type="text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
          className={`${inputClass} ${borderFor(error)} font-mono`}
        />
      </div>
      <FieldError id={`${name}-error`} message={error} />
    </div>
  )
}

interface NumberFieldProps {
  name: string
  label: string
  min: number
  max: number
  value: string
  onChange: (value: string) => void
  error: string | undefined
}

function NumberField({ name, label, min, max, value, onChange, error }: NumberFieldProps) {
  return (
    <div>
      <label htmlFor={name} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="number"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className={`${inputClass} ${borderFor(error)}`}
      />
      <FieldError id={`${name}-error`} message={error} />
    </div>
  )
}
