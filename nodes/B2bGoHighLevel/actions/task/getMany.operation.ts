import { listTasks } from '../../../../lib/destinations/goHighLevel';
import { contactRecordsGetMany } from '../contact-records';

export const { description, execute } = contactRecordsGetMany('task', 'tasks', listTasks);
