import { AuthedRequest } from './auth-user';

/** Implemented by the api-keys feature; kept abstract here so the guard does not depend on it. */
export abstract class ApiKeyVerifier {
  abstract verify(request: AuthedRequest, scope: string): Promise<void>;
}
