/**
 * CKAN's error objects, as its clients (ckanapi, harvesters) read them: the `__type` names the
 * kind and the status code follows it; a validation error carries a list of messages per field.
 */
export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'Not Found Error' | 'Validation Error' | 'Authorization Error' | 'Bad request',
    readonly body: Record<string, unknown>,
  ) {
    super(type);
  }
}

export const ckanErrors = {
  notFound: (message = 'Not found') => new CkanError(404, 'Not Found Error', { message }),
  validation: (fields: Record<string, string[]>) => new CkanError(409, 'Validation Error', fields),
  authorization: (message: string) => new CkanError(403, 'Authorization Error', { message }),
  unknownAction: (name: string) => new CkanError(400, 'Bad request', { message: `Action name not known: ${name}` }),
};
