/**
 * Images kept in an answer's text (ingestion writes an `<img>` as its alt text and its address:
 * `挂架安装示意图 (images/step2.png)`, docs/ingest.md). The address is for the bot to show the picture, not
 * words a customer asks with: the index leaves it out (`cdn`, `png`, `step2` matched nothing a customer says).
 */

/** An image's address as ingestion writes it: in brackets after its alt text, or alone; its path ends in an image file's extension. */
const IMAGE_ADDRESS = /\(?(?<![^\s(（：:，,。])(?:[a-z][a-z\d+.-]*:\/\/|\/\/|\.{0,2}\/)?[^\s()（）：，。、；！？]*?\.(?:png|jpe?g|gif|webp|svg|bmp|avif|ico|tiff?)(?:[?#][^\s()（）：，。、；！？]*)?\)?(?=[\s)）。，,；;！？.]|$)/giu;

/** An image's text as kept in an answer: its alt text and its address (`alt (src)`), or the address alone. */
export function imageText(alt: string, src: string): string {
  const a = alt.trim();
  const s = src.trim();
  return a === '' ? s : `${a} (${s})`;
}

/** A text without the addresses of the images it shows (for the index: their alt text stays). */
export function withoutImageAddresses(text: string): string {
  return text.replace(IMAGE_ADDRESS, ' ');
}
