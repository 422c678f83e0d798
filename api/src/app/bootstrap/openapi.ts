import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Advocacy Portal API')
    .setDescription(
      'Referral programmes, rewards, ambassadors and UGC, each tied to the NPS-derived segment of its advocate. ' +
        'Errors share one body: { code, message, errors: { field: message }, requestId }.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // The redirect is a bare Fastify route (see redirect.route.ts), so Nest cannot describe it.
  document.paths['/r/{code}'] = {
    get: {
      tags: ['referrals'],
      summary:
        'Record a click on a share link and redirect to the landing page',
      operationId: 'followShareLink',
      parameters: [
        {
          name: 'code',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{3,64}$' },
        },
      ],
      responses: {
        '302': {
          description:
            'To the landing page with ref and click_id; sets the adv_click cookie',
        },
        '404': {
          description:
            'A friendly page: the link is unknown or no longer active',
        },
      },
    },
  };
  return document;
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
