/** Only same-app paths are followed, so a crafted link cannot bounce a user off-site after sign-in. */
export function safeReturnUrl(value: string | undefined): string | null {
  if (
    !value ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return null;
  if (value.startsWith('/login')) return null;
  return value;
}
