import { useCan } from '../../auth';

/** Whether the signed-in person maintains or publishes service items (the server checks the department). */
export function useCatalogAccess(): boolean {
  const manage = useCan('services:catalog.manage');
  const publish = useCan('services:catalog.publish');
  return manage || publish;
}
