import type { Actor } from '../../../kernel/access';
import { actorFromApiKey, type IdentityContext } from '../../../kernel/identity';
import { reportCase, type CaseDeps } from '../report';
import { readAttributes } from './attributes';
import { open311Errors } from './errors';
import { attributes, field, type Form } from './form';
import { serviceNotice } from './notice';
import { serviceClass } from './services';
import type { Doc } from './xml';

/** What an API key must carry to create requests. */
export const submitPermission = 'cases:open311.submit';

export interface SubmitDeps {
  cases: CaseDeps;
  identity: IdentityContext;
}

/** "Missing or Invalid API Key" is 403; so is a key that was not given the right to submit. */
async function authenticate(identity: IdentityContext, form: Form): Promise<Actor> {
  const key = (form.get('api_key') ?? []).find((v) => v !== '');
  if (!key) throw open311Errors.forbidden('缺少 api_key', 'api_key is required to create a service request');
  const actor = key.length <= 200 ? await actorFromApiKey(identity, key) : null;
  if (!actor) throw open311Errors.forbidden('api_key 无效或已注销', "Invalid api_key received -- can't proceed with create_request");
  if (!actor.permissions.has(submitPermission)) throw open311Errors.forbidden(`该 api_key 没有 ${submitPermission} 权限`, `This api_key may not create requests (it lacks ${submitPermission})`);
  return actor;
}

const decimal = /^[+-]?\d{1,3}(?:\.\d+)?$/;

function coordinate(text: string, name: 'lat' | 'long', limit: number): number {
  const n = decimal.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw open311Errors.bad(`${name} 不是有效的 WGS84 坐标`, `${name} is not a WGS84 coordinate`);
  return n;
}

/**
 * The location: lat and long. An address alone cannot be placed on the map here (no geocoder),
 * so it is kept as the address of a report that has coordinates, never instead of them.
 */
function location(form: Form): { lat: number; lng: number; address: string | undefined } {
  const lat = field(form, 'lat', 40);
  const long = field(form, 'long', 40);
  const address = field(form, 'address_string', 200)?.trim() || undefined;
  if (lat === undefined && long === undefined) {
    if (field(form, 'address_id', 200) !== undefined && !address) throw open311Errors.bad('不支持 address_id，请提交 lat 和 long', 'address_id is not supported: send lat and long');
    throw open311Errors.bad('需要位置：请提交 lat 和 long（本接口不能根据地址定位）', 'location required: send lat and long (addresses cannot be geocoded here)');
  }
  if (lat === undefined || long === undefined) throw open311Errors.bad('lat 和 long 须同时提交', 'lat and long must both be sent');
  return { lat: coordinate(lat, 'lat', 90), lng: coordinate(long, 'long', 180), address };
}

function contact(form: Form) {
  const first = field(form, 'first_name', 50)?.trim();
  const last = field(form, 'last_name', 50)?.trim();
  const email = field(form, 'email', 254)?.trim();
  const phone = field(form, 'phone', 30)?.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) throw open311Errors.bad('email 格式不正确', 'email is not an e-mail address');
  if (phone && !/^[+\d][\d\s()-]*$/.test(phone)) throw open311Errors.bad('phone 格式不正确', 'phone is not a phone number');
  // Chinese names run family name first, without a space
  const cjk = /[\u3400-\u9fff]/;
  const name = first || last ? (cjk.test(`${first ?? ''}${last ?? ''}`) ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ')) : undefined;
  return { name, phone, email };
}

function mediaUrl(form: Form): string | undefined {
  const text = field(form, 'media_url', 2000)?.trim();
  if (!text) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw open311Errors.bad('media_url 须为 http 或 https 地址', 'media_url must be an http or https URL');
  return url.href;
}

/** POST requests: checks the form in the specification's order of concerns, then opens a real case. */
export async function submitRequest(deps: SubmitDeps, form: Form): Promise<Doc[]> {
  const service = async () => {
    const code = field(form, 'service_code', 40);
    if (!code) throw open311Errors.bad('缺少 service_code', 'service_code is required');
    return serviceClass(deps.cases.db, code);
  };
  // the key and the class are looked up together; a refused key still answers first (403)
  const [key, cls] = await Promise.allSettled([authenticate(deps.identity, form), service()]);
  if (key.status === 'rejected') throw key.reason;
  if (cls.status === 'rejected') throw cls.reason;
  const actor = key.value;
  const where = location(form);
  const description = field(form, 'description', 4000) ?? '';
  const attrs = readAttributes(cls.value, attributes(form));
  const who = contact(form);
  const media = mediaUrl(form);
  const accountId = field(form, 'account_id', 200) ?? null;
  field(form, 'device_id', 200);
  const report = await reportCase(deps.cases, actor, {
    classCode: cls.value.code,
    description: attrs.componentId ? `${description}${description ? '\n' : ''}部件编号：${attrs.componentId}` : description,
    lng: where.lng,
    lat: where.lat,
    address: where.address,
    urgent: attrs.urgent,
    source: 'open311',
    contact: who,
    mediaUrl: media,
    apiKeyId: actor.apiKeyId ?? undefined,
  });
  return [{ service_request_id: report.caseNo, service_notice: serviceNotice(cls.value, attrs.urgent), account_id: accountId }];
}
