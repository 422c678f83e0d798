import { UgcCampaignRequest, UgcCampaignSummary } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { bearer, createUser, TestUser } from '../../../../test/test-app';

export interface FilePart {
  name: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A multipart body by hand: repeated fields for arrays, any number of files. */
export function multipart(
  fields: Record<string, string | number | string[]>,
  files: FilePart[] = [],
) {
  const boundary = `----ugc${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value])
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${one}\r\n`,
        ),
      );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const image = (content: Buffer, filename = 'photo.jpg'): FilePart => ({
  name: 'images',
  filename,
  contentType: 'image/jpeg',
  content,
});

/** A small JPEG that carries a camera make and GPS position in its EXIF. */
export function jpegWithGps(width = 64, height = 48): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: '#2f6f4f' },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: 'LeakyCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
    })
    .toBuffer();
}

export async function createCampaign(
  app: NestFastifyApplication,
  staff: TestUser,
  overrides: Partial<UgcCampaignRequest> = {},
): Promise<UgcCampaignSummary> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/ugc/campaigns',
    headers: bearer(staff),
    payload: {
      name: `Campaign ${randomUUID().slice(0, 6)}`,
      guidelines: 'Tell us how you use the product.',
      prompts: ['What did you buy?'],
      hashtags: ['#MyTea'],
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      status: 'active',
      publicLinkEnabled: true,
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`campaign: ${response.statusCode} ${response.body}`);
  return response.json();
}

export const consentFields = {
  consentScopes: ['website', 'social'],
  displayName: 'first_initial',
};

/** A text submission owned by `owner`, in a fresh open campaign. */
export async function createOwnedSubmission(
  app: NestFastifyApplication,
  owner: TestUser,
): Promise<string> {
  const staff = await createUser(app, 'brand');
  const campaign = await createCampaign(app, staff);
  const body = multipart({
    campaignId: campaign.id,
    text: 'Owned words',
    ...consentFields,
  });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/ugc/submissions',
    headers: { ...bearer(owner), ...body.headers },
    payload: body.payload,
  });
  if (response.statusCode !== 201)
    throw new Error(`submission: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** The token of a campaign's public testimonial link. */
export function linkToken(campaign: UgcCampaignSummary): string {
  const token = campaign.publicPath?.split('/').pop();
  if (!token) throw new Error('The campaign has no public link');
  return token;
}
