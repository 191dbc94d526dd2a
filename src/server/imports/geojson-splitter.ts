/**
 * Splits a GeoJSON FeatureCollection, given as text chunks, into the JSON text of each feature, without holding the
 * document: it tracks nesting and strings and captures each object directly inside the top-level `features` array.
 * A document that is a bare Feature yields itself at the end.
 */
export class FeatureSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The string being read when it is a key of the root object, else undefined. */
  private key: string | undefined;
  private lastKey = '';
  private awaitingArray = false;
  private inFeatures = false;
  private finished = false;
  private capturing = false;
  private pieces: string[] = [];
  private root: string[] | undefined = [];
  private rootLength = 0;

  /** Feeds a chunk; returns the features completed in it. */
  push(chunk: string): string[] {
    const out: string[] = [];
    if (this.finished) return out;
    if (this.root && !this.inFeatures) {
      this.rootLength += chunk.length;
      if (this.rootLength > 64 * 1024 * 1024) this.root = undefined;
      else this.root.push(chunk);
    }
    let start = this.capturing ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92) this.escaped = true;
        else if (ch === 34) {
          this.inString = false;
          if (this.key !== undefined) this.lastKey = this.key;
          this.key = undefined;
          continue;
        }
        if (this.key !== undefined) this.key += chunk[i];
        continue;
      }
      if (ch === 34) {
        this.inString = true;
        this.key = this.depth === 1 && !this.inFeatures ? '' : undefined;
      } else if (ch === 123 || ch === 91) {
        if (ch === 91 && this.awaitingArray && this.depth === 1) {
          this.inFeatures = true;
          this.root = undefined;
        } else if (ch === 123 && this.inFeatures && this.depth === 2) {
          this.capturing = true;
          start = i;
        }
        this.awaitingArray = false;
        this.depth++;
      } else if (ch === 125 || ch === 93) {
        this.depth--;
        if (ch === 125 && this.capturing && this.depth === 2) {
          this.pieces.push(chunk.slice(start, i + 1));
          out.push(this.pieces.join(''));
          this.pieces = [];
          this.capturing = false;
          start = -1;
        } else if (ch === 93 && this.inFeatures && this.depth === 1) {
          this.finished = true;
          return out;
        }
      } else if (ch === 58) {
        this.awaitingArray = this.depth === 1 && !this.inFeatures && this.lastKey === 'features';
      } else if (ch > 32 && ch !== 44) {
        this.awaitingArray = false;
      }
    }
    if (this.capturing) this.pieces.push(chunk.slice(start));
    return out;
  }

  /** At the end of the input: a document without a `features` array that is itself a Feature yields that Feature. */
  end(): string[] {
    if (this.inFeatures || !this.root) return [];
    const text = this.root.join('');
    try {
      const doc = JSON.parse(text) as { type?: unknown } | null;
      return doc && doc.type === 'Feature' ? [text] : [];
    } catch {
      return [];
    }
  }
}
