import {
  CONSENT_SCOPES,
  ConsentScope,
  DisplayNameChoice,
  UGC_IMAGE_TYPES,
  UGC_MAX_IMAGES,
} from '@advocacy/shared';

export interface SubmissionFormValue {
  text: string;
  rating: number | null;
  videoUrl: string;
  socialUrl: string;
  scopes: Record<ConsentScope, boolean>;
  displayName: DisplayNameChoice;
  /** `yyyy-mm-dd` from a date input, or empty for no expiry. */
  expiresOn: string;
  name: string;
  email: string;
}

/** Mirrors the server's default limit so most mistakes are caught before uploading. */
export const CLIENT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** A first, friendly check; the server checks the bytes themselves. */
export function clientImageProblem(
  file: Pick<File, 'type' | 'size' | 'name'>,
  maxBytes = CLIENT_IMAGE_MAX_BYTES,
): string | null {
  if (!UGC_IMAGE_TYPES.includes(file.type))
    return `${file.name} is not a JPEG, PNG or WebP image.`;
  if (file.size > maxBytes)
    return `${file.name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`;
  return null;
}

/** Adds picked files to those already chosen, up to the limit, and says what was left out. */
export function addImages(
  current: File[],
  picked: File[],
): { files: File[]; problems: string[] } {
  const files = [...current];
  const problems: string[] = [];
  for (const file of picked) {
    const problem = clientImageProblem(file);
    if (problem) problems.push(problem);
    else if (files.length >= UGC_MAX_IMAGES)
      problems.push(
        `At most ${UGC_MAX_IMAGES} images; ${file.name} was left out.`,
      );
    else files.push(file);
  }
  return { files, problems };
}

/** The multipart body the API expects; empty optional fields are left out. */
export function toSubmissionFormData(
  value: SubmissionFormValue,
  images: File[],
  extra: { campaignId?: string; withContact?: boolean } = {},
): FormData {
  const form = new FormData();
  if (extra.campaignId) form.append('campaignId', extra.campaignId);
  const text = value.text.trim();
  if (text) form.append('text', text);
  if (value.rating) form.append('rating', String(value.rating));
  if (value.videoUrl.trim()) form.append('videoUrl', value.videoUrl.trim());
  if (value.socialUrl.trim()) form.append('socialUrl', value.socialUrl.trim());
  for (const scope of CONSENT_SCOPES)
    if (value.scopes[scope]) form.append('consentScopes', scope);
  form.append('displayName', value.displayName);
  if (value.expiresOn)
    form.append(
      'consentExpiresAt',
      new Date(`${value.expiresOn}T23:59:59Z`).toISOString(),
    );
  if (extra.withContact) {
    form.append('name', value.name.trim());
    form.append('email', value.email.trim());
  }
  for (const image of images) form.append('images', image, image.name);
  return form;
}

/** Server field names of the consent block, mapped onto the form's controls. */
export const SERVER_FIELD_CONTROLS: Record<string, string> = {
  consentScopes: 'scopes',
  consentExpiresAt: 'expiresOn',
};

/**
 * Splits a server refusal: image messages name the file they are about ("images[1]" is the second
 * file chosen); the rest are keyed by the form control they belong to.
 */
export function splitServerErrors(
  fieldErrors: Readonly<Record<string, string>>,
  files: readonly Pick<File, 'name'>[],
): { imageProblems: string[]; controls: Record<string, string> } {
  const imageProblems: string[] = [];
  const controls: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field.startsWith('images')) {
      const index = Number(/\d+/.exec(field)?.[0] ?? -1);
      const name =
        files[index]?.name ?? (field === 'images' ? 'Images' : 'An image');
      imageProblems.push(`${name} ${message}.`);
    } else {
      controls[SERVER_FIELD_CONTROLS[field] ?? field] = message;
    }
  }
  return { imageProblems, controls };
}
