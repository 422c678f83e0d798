import { EnvironmentProviders } from '@angular/core';
import {
  provideHttpClient,
  withFetch,
  withInterceptors,
} from '@angular/common/http';
import { authInterceptor } from './auth.interceptor';
import { errorInterceptor } from './error.interceptor';

/** Error mapping sits outside the auth step so it sees the outcome of any refresh-and-retry. */
export function provideApiHttp(): EnvironmentProviders {
  return provideHttpClient(
    withFetch(),
    withInterceptors([errorInterceptor, authInterceptor]),
  );
}
