// Public API of the letters core: which files are letters and which id they declare.
export { frontMatterYaml, LETTER_HEAD_LENGTH, letterFrontMatter, letterIdFromFileName, letterIdOf, letterVerdict, type LetterVerdict } from './identity';
