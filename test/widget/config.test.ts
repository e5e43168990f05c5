import { describe, expect, it } from 'vitest';
import { readConfig } from '../../widget/config.js';

describe('readConfig', () => {
  it('finds the API next to widget.js, so the widget works on any host page', () => {
    const config = readConfig('https://medspiller.example.dk/widget.js', { municipality: 'demo', locale: 'da' });
    expect(config).toEqual({
      apiBase: 'https://medspiller.example.dk/api/v1/',
      municipality: 'demo',
      locale: 'da',
      flow: undefined,
      mode: 'popup',
      target: '#medspiller',
    });
  });

  it('keeps a path prefix, and takes an explicit API base', () => {
    expect(readConfig('https://kommune.example/chat/widget.js?v=2', {}).apiBase).toBe('https://kommune.example/chat/api/v1/');
    expect(readConfig('https://cdn.example/widget.js', { api: 'https://api.example/api/v1' }).apiBase).toBe(
      'https://api.example/api/v1/',
    );
  });

  it('reads inline mode and its target, and treats blank attributes as missing', () => {
    const config = readConfig('https://x.example/widget.js', { mode: 'inline', target: '#chat', municipality: '  ', flow: 'complaint' });
    expect(config).toMatchObject({ mode: 'inline', target: '#chat', municipality: undefined, flow: 'complaint' });
    expect(readConfig('https://x.example/widget.js', { mode: 'something' }).mode).toBe('popup');
  });

  it('keeps data-phone as written when it has digits, for the tel: link offered when the server fails', () => {
    expect(readConfig('https://x.example/widget.js', { phone: ' +45 70 00 00 00 ' }).phone).toBe('+45 70 00 00 00');
    expect(readConfig('https://x.example/widget.js', { phone: 'ring til os' }).phone).toBeUndefined();
    expect(readConfig('https://x.example/widget.js', {}).phone).toBeUndefined();
  });
});
