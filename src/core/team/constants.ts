// Names shared by the team repository setup: the merge driver, the gitattributes line and the CLI's file name.

import { ANNOTATION_FILE_SUFFIX } from '../annotations/model';

/** The merge driver's name, as in `merge=kamerstuk` and `merge.kamerstuk.driver`. */
export const MERGE_DRIVER = 'kamerstuk';

/** The gitattributes pattern of annotation files. */
export const ANNOTATION_FILE_PATTERN = `*${ANNOTATION_FILE_SUFFIX}`;

/** The line `.gitattributes` needs: `*.annotations.yaml merge=kamerstuk`. */
export const GITATTRIBUTES_LINE = `${ANNOTATION_FILE_PATTERN} merge=${MERGE_DRIVER}`;

/** The local git config keys the setup writes, with `merge.kamerstuk.name`'s value. */
export const MERGE_DRIVER_NAME_KEY = `merge.${MERGE_DRIVER}.name`;
export const MERGE_DRIVER_KEY = `merge.${MERGE_DRIVER}.driver`;
export const MERGE_DRIVER_DESCRIPTION = 'Kamerstuk annotations: merge by id';

/** The file name of the CLI bundle the extension copies to a stable place (e.g. `<globalStorage>/bin/kamerstuk.js`). */
export const CLI_FILE_NAME = 'kamerstuk.js';
