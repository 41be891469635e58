/**
 * A public page for reading: it works without JavaScript, so none is sent (public pages stay under
 * 30 KB of it, and load fast on a slow phone). The quick exit is a plain link here.
 */
export const csr = false;
