// Document URIs to the paths the analysis core gets (for detection by extension and for messages).
import { fileURLToPath, pathToFileURL } from 'node:url';

const EXTENSION_BY_LANGUAGE: Readonly<Record<string, string>> = { yaml: '.yaml', json: '.json', jsonc: '.json', terraform: '.tf', 'terraform-vars': '.tfvars' };

/**
 * The file system path of a `file:` URI; for other schemes (unsaved `untitled:` buffers) the URI itself, with an
 * extension from the language id when it has none, so that an unsaved YAML template is still analysed.
 */
export function uriToPath(uri: string, languageId?: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  const extension = languageId ? EXTENSION_BY_LANGUAGE[languageId] : undefined;
  return extension && !/\.[A-Za-z0-9]+$/.test(uri) ? uri + extension : uri;
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}
