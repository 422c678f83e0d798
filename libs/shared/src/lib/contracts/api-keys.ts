/** What a brand system's API key may do. */
export const API_KEY_SCOPES = [
  'events:write',
  'responses:write',
  'customers:write',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
}

export interface ApiKeyCreated {
  apiKey: ApiKeySummary;
  /** The whole key, shown once; only its hash is stored. */
  key: string;
}
