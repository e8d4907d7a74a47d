// Public API of the letters core: which files are letters and which id they declare, and importing a
// publication (KOOP XML and metadata.xml) as a markdown letter.
export { frontMatterYaml, LETTER_HEAD_LENGTH, letterFrontMatter, letterIdFromFileName, letterIdOf, letterVerdict, type LetterVerdict } from './identity';
export { LetterError, type LetterErrorCode } from './errors';
export { convertPublication, type Conversion, type ConvertOptions } from './publication';
export { metadataFromKoopFields, readMetadataXml, type KoopField } from './koop-metadata';
export { decodeXml, declaredEncoding, type XmlInput } from './xml';
export { fetchPublication, importableId, publicationUrls, type FetchedPublication, type KoopFetchOptions } from './koop-fetch';
export { DEFAULT_MAX_BYTES, koopGet, type KoopHttpOptions } from './koop-http';
export { convertDocx, DOCX_SOURCE, type DocxOptions, type DocxToHtml } from './docx';
export {
  DOCX_TYPE,
  fetchTkDocument,
  fetchTkResource,
  findTkDocument,
  resourceFormat,
  tkDocumentInfo,
  tkDocumentNumber,
  type TkDocument,
  type TkDocumentInfo,
  type TkFetchOptions,
  type TkResource,
  type TkResourceFormat,
} from './tk-fetch';
