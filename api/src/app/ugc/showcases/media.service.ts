import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors';
import { FileStorage, StoredFile } from '../../storage/file-storage';
import { MediaSigner, MediaVariant } from '../submissions/media-signer';
import { showableSql } from './visibility';

export interface MediaFile extends StoredFile {
  contentType: string;
  /** Signed views may be cached longer; public ones must vanish within a minute of a withdrawal. */
  signed: boolean;
}

@Injectable()
export class MediaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: FileStorage,
    private readonly signer: MediaSigner,
  ) {}

  /** A signed URL (staff or owner) or, without one, only media of publicly showable content. */
  async open(
    id: string,
    variant: MediaVariant,
    exp?: number,
    sig?: string,
  ): Promise<MediaFile> {
    const signed = this.signer.verify(id, variant, exp, sig);
    const rows: {
      storage_key: string;
      thumb_key: string;
      content_type: string;
    }[] = await this.db.query(
      `SELECT m.storage_key, m.thumb_key, m.content_type
           FROM ugc_media m
           JOIN ugc_submissions s ON s.id = m.submission_id
           JOIN ugc_consents c ON c.submission_id = s.id
          WHERE m.id = $1 AND ($2::boolean OR (${showableSql('any')}))`,
      [id, signed],
    );
    const row = rows[0];
    if (!row) throw notFound('Image');
    const file = await this.storage.get(
      variant === 'thumb' ? row.thumb_key : row.storage_key,
    );
    if (!file) throw notFound('Image');
    return { ...file, contentType: row.content_type, signed };
  }
}
