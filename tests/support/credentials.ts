/** Sign-in settings of the servers that the tests and the benchmark start. Test values only. */
export const TEST_ADMIN_PASSWORD = 'test-team-password-1234'
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef0123456789'

export const TEST_SERVER_ENV = {
  ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
  SESSION_SECRET: TEST_SESSION_SECRET,
}
