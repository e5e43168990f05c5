/** Calls to the admin API with the token the user entered. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call(path: string, token: string): Promise<Response> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (response.ok) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  throw new ApiError(response.status, body?.error?.code ?? 'unknown', body?.error?.message ?? response.statusText);
}

export async function getJson<T>(path: string, token: string): Promise<T> {
  return (await (await call(path, token)).json()) as T;
}

/** Fetches a file (the CSV) and hands it to the browser as a download. */
export async function download(path: string, token: string): Promise<void> {
  const response = await call(path, token);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'medspiller-survey.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
