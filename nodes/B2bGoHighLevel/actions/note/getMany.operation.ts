import { listNotes } from '../../../../lib/destinations/goHighLevel';
import { contactRecordsGetMany } from '../contact-records';

export const { description, execute } = contactRecordsGetMany('note', 'notes', listNotes);
