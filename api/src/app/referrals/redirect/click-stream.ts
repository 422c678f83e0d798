/** Redis stream that buffers clicks between the redirect and the batch writer. */
export const CLICK_STREAM = 'clicks';
export const CLICK_GROUP = 'click-writers';

/** The fields of one stream entry, kept short because every click carries them. */
export interface ClickEntry {
  id: string;
  code: string;
  prog: string;
  at: string;
  ip: string;
  ua: string;
  ref: string;
}
