import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalid } from '../errors';

/** A UUID path parameter; anything else is a field-level 400, not a database error. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => invalid({ [name]: 'must be a UUID' }),
    }),
  );
