import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyVerifier } from '../common/access';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { ApiKey } from './entities/api-key.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiKey])],
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    { provide: ApiKeyVerifier, useExisting: ApiKeysService },
  ],
  exports: [ApiKeysService, ApiKeyVerifier],
})
export class ApiKeysModule {}
