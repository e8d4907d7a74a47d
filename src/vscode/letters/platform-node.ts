// The DOCX route in the Node extension hosts: core's convertDocx.
import { convertDocx } from '../../core/letters';

export const docxConverter: typeof convertDocx = convertDocx;
