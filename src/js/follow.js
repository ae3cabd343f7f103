// The File System Access API, for following a roadmap file (src/follow.rs). Each function
// resolves or rejects with the browser's own error (its `name` says what went wrong).

// Whether this browser hands out file handles from a picker (Chromium browsers do).
export function can_follow() {
  return typeof window.showOpenFilePicker === 'function';
}

// Ask for one Markdown file; resolves to its handle, or null when the reader cancels.
export async function pick_file() {
  try {
    const [handle] = await window.showOpenFilePicker({
      multiple: false,
      types: [{ description: 'Markdown', accept: { 'text/markdown': ['.md', '.markdown', '.txt'] } }],
    });
    return handle || null;
  } catch (e) {
    if (e && e.name === 'AbortError') return null;
    throw e;
  }
}

// The handle of a dropped file, where the browser gives one: must be called during the drop
// event. Resolves to a file handle or null.
export function dropped_handle(dt) {
  const item = dt && dt.items && dt.items[0];
  if (!item || item.kind !== 'file' || typeof item.getAsFileSystemHandle !== 'function') {
    return Promise.resolve(null);
  }
  return item.getAsFileSystemHandle().then((h) => (h && h.kind === 'file' ? h : null), () => null);
}

// The file as it is now (a File: name, lastModified, size, bytes).
export function get_file(handle) {
  return handle.getFile();
}

// Replace the file's content with `bytes`, asking for permission to write first if needed.
export async function write_file(handle, bytes) {
  if (typeof handle.queryPermission === 'function') {
    let p = await handle.queryPermission({ mode: 'readwrite' });
    if (p !== 'granted' && typeof handle.requestPermission === 'function') {
      p = await handle.requestPermission({ mode: 'readwrite' });
    }
    if (p !== 'granted') throw new DOMException('Permission to write was not given.', 'NotAllowedError');
  }
  const w = await handle.createWritable();
  await w.write(bytes);
  await w.close();
}
