import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type Me = JsonOf<paths['/api/v1/auth/me']['get']['responses'][200]>;
export type LoginReply = JsonOf<paths['/api/v1/auth/login']['post']['responses'][200]>;
export type Enrolment = JsonOf<paths['/api/v1/auth/totp/enrol']['post']['responses'][200]>;
export type Session = JsonOf<paths['/api/v1/auth/sessions']['get']['responses'][200]>['items'][number];
export type CitizenRegistration = paths['/api/v1/register/citizen']['post']['requestBody']['content']['application/json'];

export const fetchMe = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/auth/me', { signal }));

export const login = (username: string, password: string) =>
  unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));

export const logout = () => unwrap(api.POST('/api/v1/auth/logout'));

export const startEnrolment = () => unwrap(api.POST('/api/v1/auth/totp/enrol'));

export const confirmEnrolment = (code: string) => unwrap(api.POST('/api/v1/auth/totp/confirm', { body: { code } }));

export const verifyTotp = (code: string) => unwrap(api.POST('/api/v1/auth/totp/verify', { body: { code } }));

export const changePassword = (currentPassword: string, newPassword: string) =>
  unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));

export const fetchSessions = async (signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/auth/sessions', { signal }))).items;

export const revokeSession = (id: string) =>
  unwrap(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } }));

export const registerCitizen = (body: CitizenRegistration) => unwrap(api.POST('/api/v1/register/citizen', { body }));
