// The errors of importing a publication: one class, a code per kind of failure, a message for people.

export type LetterErrorCode =
  | 'offline' // network use is off
  | 'network' // a request failed before an answer came
  | 'timeout'
  | 'aborted'
  | 'not-found' // 404, or KOOP's "fake 404" redirect
  | 'http' // another non-2xx answer
  | 'redirect' // a redirect to another host (never followed)
  | 'too-large' // the answer is over the size limit
  | 'not-xml' // a web page (or anything else) where the publication's XML was expected
  | 'malformed' // XML that does not parse, or is not a publication
  | 'encoding' // a declared encoding this runtime cannot decode, or bytes that are not in it
  | 'mismatch' // the publication names itself with another id
  | 'unsupported'; // an id that has no KOOP publication to import

export class LetterError extends Error {
  constructor(
    readonly code: LetterErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LetterError';
  }
}
