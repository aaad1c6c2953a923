// Covers describeSocketError: the cause of a failed dial in words (DNS, refused, HTTP status of the upgrade, TLS) instead of ws's bare close 1006.
import { describe, expect, it } from 'vitest';
import { describeSocketError } from '../../../src/feeds/ws/socket-failure-cause.js';

const err = (message: string, code?: string, hostname?: string) => ({ message, code, hostname });

describe('describeSocketError', () => {
  it.each([
    [err('getaddrinfo ENOTFOUND stream.example.invalid', 'ENOTFOUND', 'stream.example.invalid'), 'DNS lookup failed for stream.example.invalid (ENOTFOUND)'],
    [err('getaddrinfo EAI_AGAIN stream.example.invalid', 'EAI_AGAIN'), 'DNS lookup failed for stream.example.invalid (EAI_AGAIN)'],
    [err('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'), 'connection refused by 127.0.0.1:9 (ECONNREFUSED)'],
    [err('Unexpected server response: 500'), 'the WebSocket upgrade got HTTP 500 instead of 101'],
    [err('Unexpected server response: 403'), 'the WebSocket upgrade got HTTP 403 instead of 101'],
    [
      err('write EPROTO 805C293B397F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n', 'EPROTO'),
      'TLS handshake failed: wrong version number (EPROTO)',
    ],
    [err('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS handshake failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    [err("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'), "TLS handshake failed: Hostname/IP does not match certificate's altnames (ERR_TLS_CERT_ALTNAME_INVALID)"],
    [err('read ECONNRESET', 'ECONNRESET'), 'connection reset by the peer (ECONNRESET)'],
    [err('Invalid WebSocket frame: invalid opcode 5', 'WS_ERR_INVALID_OPCODE'), 'Invalid WebSocket frame: invalid opcode 5 (WS_ERR_INVALID_OPCODE)'],
    [err('something odd'), 'something odd'],
  ])('%j → %s', (error, expected) => {
    expect(describeSocketError(error)).toBe(expected);
  });
});
