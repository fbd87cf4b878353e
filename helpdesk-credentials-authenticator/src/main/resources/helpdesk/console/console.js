// The help-desk operators' page: logs in with the realm's "helpdesk-console" client (authorization code + PKCE),
// then calls /admin/realms/{realm}/helpdesk with the access token. Nothing is stored but the login in progress
// (sessionStorage, this tab only); the token lives in memory.
'use strict';
(function () {
  const realmPath = location.pathname.replace(/\/helpdesk-console(\/[^/]*)?$/, '');     // /realms/{realm}
  const api = '/admin' + realmPath + '/helpdesk';
  const redirectUri = location.origin + realmPath + '/helpdesk-console/';
  const clientId = 'helpdesk-console';
  const lang = (navigator.language || 'it').toLowerCase().startsWith('it') ? 'it' : 'en';
  const EN = {
    title: 'Help Desk: credentials for users of states outside eIDAS', record: 'Record an identity proofing',
    documentType: 'Document type', passport: 'Passport', idcard: 'Identity card', documentNumber: 'Document number',
    issuingState: 'Issuing state (MRZ code, e.g. USA)', issueDate: 'Date of issue', expiryDate: 'Date of expiry',
    surname: 'Surname (as printed)', givenNames: 'Given names (as printed)', birthDate: 'Date of birth', sex: 'Sex',
    nationality: 'Nationality (MRZ code)', mrz: 'MRZ (one line per row, if the document has one)',
    faceComparison: 'Face comparison', inPerson: 'In person', video: 'Supervised video', email: 'E-mail',
    emailVerified: 'E-mail address validated', phone: 'Phone (optional)',
    noEuEid: 'The user states they hold no eID of an EU/EEA state', evidenceRef: 'Evidence reference (hash)',
    locale: "User's language", recordButton: 'Record', pending: 'Waiting for approval', refresh: 'Refresh',
    username: 'User', names: 'Name', recordedBy: 'Recorded by', approve: 'Approve', search: 'Search and revoke',
    searchButton: 'Search', reason: 'Reason for revocation', revokeButton: 'Revoke',
    reissueButton: 'Send a new activation code', signedInAs: 'Signed in as', recorded: 'Recorded',
    approved: 'Approved: the activation code was e-mailed', revoked: 'Revoked', reissued: 'New activation code sent',
    notFound: 'No record with this e-mail', state: 'state'
  };
  const IT = {
    signedInAs: 'Operatore', recorded: 'Registrata', approve: 'Approva',
    approved: "Approvata: il codice di attivazione è stato inviato per e-mail", revoked: 'Revocata',
    reissued: 'Nuovo codice di attivazione inviato', notFound: 'Nessuna pratica con questa e-mail', state: 'stato'
  };
  const t = key => (lang === 'en' ? EN[key] : IT[key]) || (document.querySelector('[data-t="' + key + '"]') || {}).textContent || key;
  let token = null;

  function b64url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function login() {
    const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
    const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem('helpdesk.login', JSON.stringify({ verifier, state }));
    location.assign(realmPath + '/protocol/openid-connect/auth?' + new URLSearchParams({
      client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid',
      code_challenge: challenge, code_challenge_method: 'S256', state, ui_locales: lang }));
  }

  async function finishLogin(params) {
    const pending = JSON.parse(sessionStorage.getItem('helpdesk.login') || '{}');
    sessionStorage.removeItem('helpdesk.login');
    history.replaceState(null, '', redirectUri);
    if (!pending.state || pending.state !== params.get('state')) {
      return login();
    }
    const answer = await fetch(realmPath + '/protocol/openid-connect/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code: params.get('code'),
        redirect_uri: redirectUri, code_verifier: pending.verifier }) });
    if (!answer.ok) {
      return login();
    }
    token = (await answer.json()).access_token;
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    document.getElementById('operator').textContent = t('signedInAs') + ': ' + claims.preferred_username;
    document.getElementById('console').hidden = false;
    await loadPending();
  }

  async function call(method, path, body) {
    const answer = await fetch(api + path, {
      method, headers: Object.assign({ Authorization: 'Bearer ' + token, Accept: 'application/json', 'Accept-Language': lang },
        body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await answer.json().catch(() => ({}));
    return { ok: answer.ok, status: answer.status, json };
  }

  function show(answer, okText) {
    const result = document.getElementById('result');
    result.className = answer.ok ? 'ok' : 'error';
    result.textContent = answer.ok
      ? okText + ': ' + answer.json.username + ' (' + t('state') + ' ' + answer.json.state + ')'
      : (answer.json.problems || [answer.json]).map(p => p.message).join(' ');
    result.dataset.error = answer.ok ? '' : (answer.json.error || '');
  }

  function proofing(form) {
    const data = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox') data[el.name] = el.checked;
      else if (el.name === 'mrz') data.mrz = el.value.split('\n').map(l => l.trim()).filter(l => l);
      else if (el.value.trim() !== '') data[el.name] = el.value.trim();
    }
    return data;
  }

  async function loadPending() {
    const answer = await call('GET', '/records?state=PENDING');
    const body = document.querySelector('#pending tbody');
    body.textContent = '';
    for (const r of answer.ok ? answer.json : []) {
      const row = body.insertRow();
      row.dataset.id = r.id;
      row.dataset.email = r.email;
      [r.username, r.givenNames + ' ' + r.surname, r.issuingState, r.recordedBy].forEach(v => { row.insertCell().textContent = v || ''; });
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'approve';
      button.textContent = t('approve');
      button.addEventListener('click', async () => { show(await call('POST', '/records/' + r.id + '/approve', {}), t('approved')); await loadPending(); });
      row.insertCell().appendChild(button);
    }
  }

  function wire() {
    document.documentElement.lang = lang;
    if (lang === 'en') {
      document.querySelectorAll('[data-t]').forEach(el => { if (EN[el.dataset.t]) el.textContent = EN[el.dataset.t]; });
    }
    document.getElementById('record-form').addEventListener('submit', async e => {
      e.preventDefault();
      const answer = await call('POST', '/records', proofing(e.target));
      show(answer, t('recorded'));
      await loadPending();
    });
    document.getElementById('pending-refresh').addEventListener('click', loadPending);
    document.getElementById('search-form').addEventListener('submit', async e => {
      e.preventDefault();
      const answer = await call('GET', '/records?email=' + encodeURIComponent(e.target.email.value.trim()));
      const found = document.getElementById('found');
      const revoke = document.getElementById('revoke-form');
      if (!answer.ok || answer.json.length === 0) {
        found.textContent = answer.ok ? t('notFound') : answer.json.message;
        revoke.hidden = true;
        return;
      }
      const r = answer.json[0];
      found.textContent = r.username + ': ' + r.givenNames + ' ' + r.surname + ', ' + r.documentType + ' ' + r.issuingState
        + ', ' + t('state') + ' ' + r.state + (r.credentialExpiresAt ? ' → ' + r.credentialExpiresAt : '');
      revoke.recordId.value = r.id;
      revoke.hidden = false;
    });
    document.getElementById('revoke-form').addEventListener('submit', async e => {
      e.preventDefault();
      show(await call('POST', '/records/' + e.target.recordId.value + '/revoke',
        { reason: e.target.reason.value, evidenceRef: e.target.evidenceRef.value }), t('revoked'));
    });
    document.getElementById('reissue-submit').addEventListener('click', async () => {
      const form = document.getElementById('revoke-form');
      show(await call('POST', '/records/' + form.recordId.value + '/reissue', {}), t('reissued'));
    });
  }

  wire();
  const params = new URLSearchParams(location.search);
  if (params.has('code')) finishLogin(params); else login();
})();
