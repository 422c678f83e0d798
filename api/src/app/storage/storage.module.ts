import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

export function createFileStorage(config: AppConfig): FileStorage {
  if (config.STORAGE_DRIVER === 's3')
    return new S3Storage({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    });
  return new LocalDiskStorage(config.STORAGE_DIR);
}

@Global()
@Module({
  providers: [
    {
      provide: FileStorage,
      useFactory: createFileStorage,
      inject: [AppConfig],
    },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
