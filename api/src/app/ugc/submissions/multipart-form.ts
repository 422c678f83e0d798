import { UGC_MAX_IMAGES } from '@advocacy/shared';
import { FastifyRequest } from 'fastify';
import { DomainError, invalid } from '../../common/errors';

export interface UploadedImage {
  field: string;
  buffer: Buffer;
}

export interface SubmissionForm {
  fields: Record<string, string | string[]>;
  images: UploadedImage[];
}

/** Fields that may repeat (one value per checkbox). */
const LIST_FIELDS = new Set(['consentScopes']);
const MAX_FIELDS = 20;

/**
 * Reads a multipart submission fully into memory (bounded by the limits below) so that nothing is
 * written anywhere before the whole submission has been checked.
 */
export async function readSubmissionForm(
  request: FastifyRequest,
  maxImageBytes: number,
): Promise<SubmissionForm> {
  if (!request.isMultipart())
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the submission as multipart/form-data',
      { body: 'must be sent as multipart/form-data' },
    );
  const fields: Record<string, string | string[]> = {};
  const images: UploadedImage[] = [];
  try {
    for await (const part of request.parts({
      limits: {
        fileSize: maxImageBytes,
        files: UGC_MAX_IMAGES,
        fields: MAX_FIELDS,
        parts: UGC_MAX_IMAGES + MAX_FIELDS,
        fieldSize: 64 * 1024,
      },
    })) {
      if (part.type === 'file') {
        const field = `images[${images.length}]`;
        if (part.fieldname !== 'images') {
          part.file.resume();
          throw invalid({ [part.fieldname]: 'is not a known field' });
        }
        const buffer = await part.toBuffer();
        if (buffer.length === 0) throw invalid({ [field]: 'is empty' });
        images.push({ field, buffer });
        continue;
      }
      const value =
        typeof part.value === 'string' ? part.value : String(part.value);
      const name = part.fieldname.replace(/\[\]$/, '');
      if (LIST_FIELDS.has(name)) {
        const list = (fields[name] as string[] | undefined) ?? [];
        list.push(
          ...value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        );
        fields[name] = list;
      } else {
        fields[name] = value;
      }
    }
  } catch (error) {
    throw translateMultipartError(error, images.length, maxImageBytes);
  }
  return { fields, images };
}

function translateMultipartError(
  error: unknown,
  imageCount: number,
  maxImageBytes: number,
): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string }).code;
  const field = `images[${imageCount}]`;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new DomainError('PAYLOAD_TOO_LARGE', 'That image is too large', {
      [field]: `must be at most ${Math.round(maxImageBytes / 1024 / 1024)} MB`,
    });
  if (code === 'FST_FILES_LIMIT')
    return invalid({ images: `may hold at most ${UGC_MAX_IMAGES} images` });
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return invalid({ body: 'has too many fields' });
  if (
    code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ||
    code === 'FST_PROTO_VIOLATION'
  )
    return invalid({ body: 'is not a well-formed multipart form' });
  return error;
}
