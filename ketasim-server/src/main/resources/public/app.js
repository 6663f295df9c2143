// KetaSim clinic web interface: plain JavaScript over the JSON API.
// Data is only ever put into the page with textContent / attributes (never innerHTML), so a name like
// <script>... shows as text. Every change sends the session's CSRF token in the X-CSRF-Token header.
'use strict';
(function () {
  const state = {me: null, csrf: null, reference: null, instruments: null};
  const main = () => document.getElementById('main');

  // ------------------------------------------------------------------ helpers
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else if (k === 'value') e.value = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const fmt = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : Number(v).toFixed(d);
  const when = t => t ? new Date(t).toLocaleString() : '–';
  const val = id => document.getElementById(id).value;
  const num = id => { const v = val(id).trim(); return v === '' ? null : Number(v); };
  const checked = id => document.getElementById(id).checked;

  function flash(msg, ok) {
    const f = document.getElementById('flash');
    f.textContent = msg;
    f.className = ok ? 'ok' : '';
    f.hidden = !msg;
    if (ok) setTimeout(() => { if (f.textContent === msg) f.hidden = true; }, 4000);
  }

  async function api(method, path, body) {
    const headers = {'Accept': 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
    const r = await fetch(path, {method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)});
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (r.status === 401 && path !== '/api/login') { state.me = null; showLogin(); throw new Error('Please log in.'); }
    if (!r.ok) throw new Error((data && data.error) || ('HTTP ' + r.status));
    return data;
  }

  // Wraps a form action: shows the server's error message, or a success note.
  function action(fn, okMsg) {
    return async ev => {
      if (ev) ev.preventDefault();
      try { await fn(); if (okMsg) flash(okMsg, true); } catch (e) { flash(e.message); }
    };
  }

  function field(label, input) { return el('label', {}, label + ' ', input); }
  function numberInput(id, attrs) { return el('input', Object.assign({id, type: 'number', step: 'any'}, attrs || {})); }
  function select(id, options, value) {
    return el('select', {id}, options.map(o => el('option', {value: o[0], selected: o[0] === value}, o[1])));
  }

  // ------------------------------------------------------------------ login
  function showLogin() {
    document.getElementById('nav').hidden = true;
    document.getElementById('logout').hidden = true;
    document.getElementById('whoami').textContent = '';
    const m = main();
    m.replaceChildren(el('section', {class: 'card login'},
      el('h1', {}, 'Log in'),
      el('form', {id: 'login-form', onsubmit: action(async () => {
        const d = await api('POST', '/api/login', {username: val('login-username'), password: val('login-password')});
        await loggedIn(d);
      })},
        el('label', {class: 'block'}, 'Username ', el('input', {id: 'login-username', autocomplete: 'username', required: true})),
        el('label', {class: 'block'}, 'Password ', el('input', {id: 'login-password', type: 'password', autocomplete: 'current-password', required: true})),
        el('button', {id: 'login-submit', type: 'submit'}, 'Log in'))));
  }

  async function loggedIn(d) {
    state.me = d.user;
    state.csrf = d.csrfToken;
    flash('');
    document.getElementById('nav').hidden = false;
    document.getElementById('logout').hidden = false;
    document.getElementById('whoami').textContent = d.user.fullName + ' (' + d.user.role.toLowerCase() + ')';
    if (d.user.mustChangePassword) { showPasswordChange(); return; }
    state.reference = await api('GET', '/api/reference');
    state.instruments = await api('GET', '/api/instruments');
    if (!location.hash || location.hash === '#/' || location.hash === '#/login') {
      location.hash = d.user.role === 'ADMINISTRATOR' ? '#/admin' : '#/patients';
    }
    route();
  }

  function showPasswordChange() {
    main().replaceChildren(el('section', {class: 'card login'},
      el('h1', {}, 'Choose a new password'),
      el('p', {}, 'Your password was a one-time password. Choose your own (at least 10 characters).'),
      el('form', {onsubmit: action(async () => {
        await api('POST', '/api/me/password', {currentPassword: val('pw-current'), newPassword: val('pw-new')});
        const d = await api('GET', '/api/me');
        await loggedIn(d);
      }, 'Password changed.')},
        el('label', {class: 'block'}, 'Current password ', el('input', {id: 'pw-current', type: 'password'})),
        el('label', {class: 'block'}, 'New password ', el('input', {id: 'pw-new', type: 'password'})),
        el('button', {id: 'pw-submit', type: 'submit'}, 'Change password'))));
  }

  // ------------------------------------------------------------------ routing
  async function route() {
    if (!state.me) return;
    const h = location.hash || '#/patients';
    let m;
    try {
      if ((m = h.match(/^#\/patient\/(\d+)$/))) await showPatient(+m[1]);
      else if ((m = h.match(/^#\/session\/(\d+)$/))) await showSession(+m[1]);
      else if (h === '#/dashboard') await showDashboard();
      else if (h === '#/protocols') await showProtocols();
      else if (h === '#/rules') await showRules();
      else if (h === '#/admin') await showAdmin();
      else await showPatients();
    } catch (e) { flash(e.message); }
  }
  window.addEventListener('hashchange', () => { flash(''); route(); });

  // ------------------------------------------------------------------ patients
  async function showPatients() {
    const list = await api('GET', '/api/patients');
    const rows = list.map(p => el('tr', {},
      el('td', {}, el('a', {href: '#/patient/' + p.id, class: 'patient-link'}, p.familyName + ', ' + p.givenName)),
      el('td', {}, p.mrn), el('td', {}, String(p.ageYears)), el('td', {}, p.sex.toLowerCase()),
      el('td', {}, fmt(p.latestWeightKg)), el('td', {}, p.screening ? el('span', {class: 'badge ' + p.screening}, p.screening) : '–'),
      el('td', {}, String(p.sessions)), el('td', {}, p.latestPhq9 ?? '–')));
    main().replaceChildren(
      el('h1', {}, 'Patients'),
      el('section', {class: 'card'}, el('table', {id: 'patients-table'},
        el('tr', {}, ['Name', 'MRN', 'Age', 'Sex', 'Weight kg', 'Screening', 'Sessions', 'Last PHQ-9'].map(t => el('th', {}, t))), rows)),
      el('section', {class: 'card'}, el('h2', {}, 'Register a patient'),
        el('form', {id: 'new-patient', onsubmit: action(async () => {
          const p = await api('POST', '/api/patients', {mrn: val('np-mrn'), givenName: val('np-given'), familyName: val('np-family'),
            birthDate: val('np-birth'), sex: val('np-sex')});
          location.hash = '#/patient/' + p.id;
        }, 'Patient registered.')},
          field('MRN', el('input', {id: 'np-mrn', required: true, maxlength: 40})),
          field('Given name', el('input', {id: 'np-given', required: true, maxlength: 100})),
          field('Family name', el('input', {id: 'np-family', required: true, maxlength: 100})),
          field('Birth date', el('input', {id: 'np-birth', type: 'date', required: true})),
          field('Sex', select('np-sex', [['FEMALE', 'female'], ['MALE', 'male'], ['OTHER', 'other']])),
          el('button', {id: 'np-submit', type: 'submit'}, 'Register'))));
  }

  async function showPatient(id) {
    const [r, traj, protocols] = await Promise.all([api('GET', '/api/patients/' + id), api('GET', '/api/patients/' + id + '/trajectory'),
      api('GET', '/api/protocols')]);
    const p = r.patient;
    const isPhys = state.me.role === 'PHYSICIAN';
    const k = r.consultations[0];
    const view = [];
    view.push(el('h1', {id: 'patient-title'}, p.familyName + ', ' + p.givenName + ' · ' + p.mrn + ' · ' + p.ageYears + ' y · ' + p.sex.toLowerCase()));
    if (traj.warnings.length) view.push(el('section', {class: 'card'}, traj.warnings.map(w => el('div', {class: 'alert-WARNING'}, w))));

    // Trajectory
    const tcard = el('section', {class: 'card', id: 'trajectory'}, el('h2', {}, 'Score trajectory'));
    const phq = traj.scores.PHQ9 || [], madrs = traj.scores.MADRS || [];
    const series = [];
    const useScale = phq.length ? 'PHQ9' : (madrs.length ? 'MADRS' : null);
    if (useScale) {
      const s = traj.scores[useScale];
      series.push({name: useScale === 'PHQ9' ? 'PHQ-9 recorded' : 'MADRS recorded', color: '#20344f', markers: true,
        points: s.filter(q => q.day !== null).map(q => [q.day, q.total])});
      if (traj.model && traj.model.scale === useScale) {
        series.push({name: 'model, typical patient (band: 5–95 % of virtual patients)', color: '#c2410c', dashed: true, width: 1.5,
          points: traj.model.days.map((d, i) => [d, traj.model.expected[i]]),
          band: traj.model.bandLow ? traj.model.days.map((d, i) => [d, traj.model.bandLow[i], traj.model.bandHigh[i]]) : []});
      }
      const base = s.filter(q => q.day !== null && q.day <= 0).slice(-1)[0];
      const hl = [];
      if (base) hl.push({y: base.total / 2, label: 'response (50 % of baseline)', color: '#2f7d3b'});
      hl.push({y: useScale === 'PHQ9' ? 4.5 : 10, label: 'remission', color: '#6b21a8'});
      if (traj.firstInfusion) {
        tcard.appendChild(KetaCharts.lineChart({width: 760, height: 280, xLabel: 'days since first infusion', yLabel: useScale,
          yMin: 0, series, hLines: hl}));
        tcard.appendChild(el('p', {class: 'muted'}, 'Infusions on days ' + traj.sessions.map(s => fmt(s.day, 1)).join(', ') + '. '
          + (traj.model ? traj.model.note : '')));
      } else {
        tcard.appendChild(el('p', {class: 'muted'}, 'No infusion yet: scores ' + s.map(q => q.total).join(', ')));
      }
    } else tcard.appendChild(el('p', {class: 'muted'}, 'No PHQ-9 or MADRS recorded yet.'));
    view.push(tcard);
    view.push(forecastCard(id));

    // Consultation
    const hist = new Set(k ? k.history : []);
    const ccard = el('section', {class: 'card'}, el('h2', {}, 'Consultation'));
    if (k) ccard.appendChild(el('div', {class: 'kv'},
      el('span', {}, 'Recorded'), el('span', {}, when(k.recordedAt) + ' by ' + k.recordedBy),
      el('span', {}, 'Weight'), el('span', {id: 'k-weight'}, fmt(k.weightKg) + ' kg'),
      el('span', {}, 'Resting BP / HR / SpO₂'), el('span', {}, k.vitals.sbpMmHg + '/' + k.vitals.dbpMmHg + ' mmHg, ' + k.vitals.hrBpm + '/min, ' + k.vitals.spo2Pct + ' %'),
      el('span', {}, 'Diagnoses'), el('span', {}, k.diagnoses.join('; ') || '–'),
      el('span', {}, 'Medications'), el('span', {}, k.medications.map(m => m.name + ' (' + m.drugClass.toLowerCase()
        + (m.lorazepamEqMgPerDay != null ? ', ' + m.lorazepamEqMgPerDay + ' mg/d lorazepam-eq.' : '') + ')').join('; ') || '–'),
      el('span', {}, 'History'), el('span', {}, k.history.map(f => (state.reference.historyFlags.find(x => x.id === f) || {label: f}).label).join('; ') || 'none recorded'),
      el('span', {}, 'Notes'), el('span', {}, k.notes || '–')));
    ccard.appendChild(el('details', {open: !k},
      el('summary', {}, k ? 'Record a new consultation' : 'Record the consultation'),
      el('form', {id: 'consultation-form', onsubmit: action(async () => {
        const meds = val('k-meds').split('\n').map(l => l.trim()).filter(Boolean).map(l => {
          const [name, cls, lz] = l.split('|').map(x => x.trim());
          return {name, drugClass: cls || 'OTHER', lorazepamEqMgPerDay: lz ? Number(lz) : null};
        });
        await api('POST', '/api/patients/' + id + '/consultations', {weightKg: num('k-weight-in'), heightCm: num('k-height'),
          vitals: {sbpMmHg: num('k-sbp'), dbpMmHg: num('k-dbp'), hrBpm: num('k-hr'), spo2Pct: num('k-spo2')},
          diagnoses: val('k-dx').split('\n'), medications: meds,
          history: state.reference.historyFlags.filter(f => checked('h-' + f.id)).map(f => f.id), notes: val('k-notes')});
        route();
      }, 'Consultation recorded.')},
        field('Weight (kg)', numberInput('k-weight-in', {value: k ? k.weightKg : ''})),
        field('Height (cm)', numberInput('k-height', {value: k && k.heightCm ? k.heightCm : ''})),
        field('SBP', numberInput('k-sbp', {value: k ? k.vitals.sbpMmHg : ''})), field('DBP', numberInput('k-dbp', {value: k ? k.vitals.dbpMmHg : ''})),
        field('HR', numberInput('k-hr', {value: k ? k.vitals.hrBpm : ''})), field('SpO₂ %', numberInput('k-spo2', {value: k ? k.vitals.spo2Pct : ''})),
        el('label', {class: 'block'}, 'Diagnoses (one per line)', el('textarea', {id: 'k-dx'}, k ? k.diagnoses.join('\n') : '')),
        el('label', {class: 'block'}, 'Medications, one per line: name | class (' + state.reference.drugClasses.join(', ').toLowerCase()
          + ') | lorazepam-equivalent mg/day for benzodiazepines',
          el('textarea', {id: 'k-meds'}, k ? k.medications.map(m => [m.name, m.drugClass.toLowerCase(), m.lorazepamEqMgPerDay ?? ''].join(' | ')).join('\n') : '')),
        el('fieldset', {}, el('legend', {}, 'History'), state.reference.historyFlags.map(f =>
          el('label', {}, el('input', {type: 'checkbox', id: 'h-' + f.id, checked: hist.has(f.id)}), ' ' + f.label))),
        el('label', {class: 'block'}, 'Notes', el('textarea', {id: 'k-notes'}, '')),
        el('button', {id: 'k-submit', type: 'submit'}, 'Save consultation'))));
    view.push(ccard);

    // Screening
    const scard = el('section', {class: 'card', id: 'screening'}, el('h2', {}, 'Eligibility screening'),
      el('button', {id: 'screen-run', onclick: action(async () => { await api('POST', '/api/patients/' + id + '/screenings'); route(); }, 'Screened.')},
        'Screen now (latest consultation)'));
    const sc = r.screenings[0];
    if (sc) {
      scard.appendChild(el('p', {}, 'Result: ', el('span', {class: 'badge ' + sc.effectiveOutcome, id: 'screen-outcome'}, sc.effectiveOutcome),
        ' · ' + when(sc.screenedAt) + ' by ' + sc.screenedBy + ' · rules ' + sc.rulesVersion));
      if (sc.fired.length) scard.appendChild(el('table', {id: 'fired-rules'}, el('tr', {}, ['Rule', 'Kind', 'Finding', 'Reason', 'Source'].map(t => el('th', {}, t))),
        sc.fired.map(f => el('tr', {}, el('td', {}, f.id + ' ' + f.title), el('td', {}, f.kind.toLowerCase()), el('td', {}, f.finding),
          el('td', {}, f.reason), el('td', {class: 'muted'}, f.source)))));
      else scard.appendChild(el('p', {}, 'No rule fired.'));
      if (sc.overrideJustification) scard.appendChild(el('p', {}, 'Overridden by ' + sc.overriddenBy + ' (' + when(sc.overriddenAt) + '): ', el('em', {}, sc.overrideJustification)));
      else if (sc.fired.length && isPhys) scard.appendChild(el('form', {id: 'override-form', onsubmit: action(async () => {
        await api('POST', '/api/patients/' + id + '/screenings/' + sc.id + '/override', {justification: val('override-why')}); route();
      }, 'Override recorded.')}, el('label', {class: 'block'}, 'Physician override: justification (recorded and audited)',
        el('textarea', {id: 'override-why'})), el('button', {id: 'override-submit', type: 'submit'}, 'Override')));
    }
    view.push(scard);

    // Plans
    const pcard = el('section', {class: 'card', id: 'plans'}, el('h2', {}, 'Treatment plans'));
    const planFirst = pl => r.sessions.filter(x => x.planId === pl.id).map(x => new Date(x.startedAt)).sort((a, b) => a - b)[0];
    const nextDue = pl => {
      const first = planFirst(pl);
      if (!first || pl.sessionsStarted >= pl.sessionCount) return '';
      const day = pl.scheduleDays[pl.sessionsStarted];
      return '; next (session ' + (pl.sessionsStarted + 1) + ') due ' + new Date(first.getTime() + day * 86400000).toLocaleDateString();
    };
    if (r.plans.length) pcard.appendChild(el('table', {}, el('tr', {}, ['Plan', 'Dose', 'Sessions', 'Schedule (days)', 'Signed', ''].map(t => el('th', {}, t))),
      r.plans.map(pl => el('tr', {}, el('td', {}, pl.protocolName + (pl.notes ? ' — ' + pl.notes : '')),
        el('td', {}, pl.doseMgPerKg + ' mg/kg over ' + pl.durationMin + ' min'), el('td', {}, pl.sessionsStarted + ' of ' + pl.sessionCount),
        el('td', {class: 'plan-schedule'}, pl.scheduleDays.join(', ') + nextDue(pl)),
        el('td', {}, pl.signedAt ? 'signed by ' + pl.signedBy + ', ' + when(pl.signedAt) : 'not signed'),
        el('td', {}, !pl.signedAt && isPhys ? el('button', {class: 'sign-plan', onclick: action(async () => {
          await api('POST', '/api/patients/' + id + '/plans/' + pl.id + '/sign'); route(); }, 'Plan signed.')}, 'Sign') : '')))));
    if (isPhys) pcard.appendChild(el('form', {id: 'plan-form', onsubmit: action(async () => {
      await api('POST', '/api/patients/' + id + '/plans', {protocolId: Number(val('plan-protocol')), doseMgPerKg: num('plan-dose'),
        sessionCount: num('plan-count'), scheduleDays: val('plan-schedule').trim() || null, notes: val('plan-notes')}); route();
    }, 'Plan created; sign it to allow sessions.')},
      field('Protocol', select('plan-protocol', protocols.map(t => [String(t.id), t.name]))),
      field('Dose mg/kg (blank: template)', numberInput('plan-dose')), field('Sessions (blank: template)', numberInput('plan-count')),
      field('Days, e.g. 0,2,4,7,9,11 (blank: template)', el('input', {id: 'plan-schedule', maxlength: 400})),
      field('Notes', el('input', {id: 'plan-notes', maxlength: 2000})), el('button', {id: 'plan-submit', type: 'submit'}, 'Create plan')));
    view.push(pcard);

    // Sessions
    const signed = r.plans.filter(pl => pl.signedAt && pl.sessionsStarted < pl.sessionCount);
    const secard = el('section', {class: 'card', id: 'sessions'}, el('h2', {}, 'Infusion sessions'));
    if (r.sessions.length) secard.appendChild(el('table', {}, el('tr', {}, ['#', 'Started', 'Dose', 'Pump', 'Status'].map(t => el('th', {}, t))),
      r.sessions.map(s => el('tr', {}, el('td', {}, el('a', {href: '#/session/' + s.id, class: 'session-link'}, 'Session ' + s.sessionNumber)),
        el('td', {}, when(s.startedAt)), el('td', {}, fmt(s.dose.doseMg) + ' mg'), el('td', {}, fmt(s.dose.pumpRateMlPerH) + ' mL/h'), el('td', {}, s.status)))));
    const running = r.sessions.find(s => s.status === 'IN_PROGRESS');
    if (running) secard.appendChild(el('p', {}, 'Session ' + running.sessionNumber + ' is in progress: ',
      el('a', {href: '#/session/' + running.id}, 'open it'), '.'));
    else if (signed.length) secard.appendChild(el('form', {id: 'session-form', onsubmit: action(async () => {
      const s = await api('POST', '/api/patients/' + id + '/sessions', {planId: Number(val('ss-plan')), weightKg: num('ss-weight'),
        vialMgPerMl: num('ss-vial'), bagVolumeMl: num('ss-bag'),
        checks: {consentConfirmed: checked('ss-consent'), fastingConfirmed: checked('ss-fasting'), escortConfirmed: checked('ss-escort'),
          noNewContraindication: checked('ss-noci'), suicideRiskReviewed: checked('ss-risk')},
        restingVitals: {sbpMmHg: num('ss-sbp'), dbpMmHg: num('ss-dbp'), hrBpm: num('ss-hr'), spo2Pct: num('ss-spo2'), rrPerMin: num('ss-rr')}});
      location.hash = '#/session/' + s.id;
    }, 'Session started.')},
      el('h3', {}, 'Start a session'),
      field('Plan', select('ss-plan', signed.map(pl => [String(pl.id), pl.protocolName]))),
      field("Today's weight (kg)", numberInput('ss-weight', {value: k ? k.weightKg : ''})),
      field('Vial (mg/mL)', select('ss-vial', state.reference.vialStrengthsMgPerMl.map(v => [String(v), v + ' mg/mL']), '10')),
      field('Bag (mL)', numberInput('ss-bag', {value: 100})),
      el('div', {}, el('strong', {}, 'Pre-infusion checks: '),
        el('label', {}, el('input', {type: 'checkbox', id: 'ss-consent'}), ' consent'),
        el('label', {}, el('input', {type: 'checkbox', id: 'ss-fasting'}), ' fasting'),
        el('label', {}, el('input', {type: 'checkbox', id: 'ss-escort'}), ' escort home'),
        el('label', {}, el('input', {type: 'checkbox', id: 'ss-noci'}), ' no new contraindication'),
        el('label', {}, el('input', {type: 'checkbox', id: 'ss-risk'}), ' suicide risk reviewed today (needed after a positive PHQ-9 item 9, MADRS item 10 or C-SSRS)')),
      el('div', {}, el('strong', {}, 'Resting vitals: '), field('SBP', numberInput('ss-sbp')), field('DBP', numberInput('ss-dbp')),
        field('HR', numberInput('ss-hr')), field('SpO₂', numberInput('ss-spo2')), field('RR', numberInput('ss-rr'))),
      el('p', {id: 'ss-preview', class: 'muted'}, ''),
      el('button', {id: 'ss-submit', type: 'submit'}, 'Start infusion')));
    const preview = async () => {
      const pl = signed.find(x => String(x.id) === val('ss-plan'));
      const box = document.getElementById('ss-preview');
      if (!pl || !box) return;
      try {
        const d = await api('POST', '/api/dose-calculation', {weightKg: num('ss-weight'), doseMgPerKg: pl.doseMgPerKg, vialMgPerMl: num('ss-vial'),
          bagVolumeMl: num('ss-bag'), durationMin: pl.durationMin});
        box.textContent = 'Dose ' + fmt(d.doseMg) + ' mg (' + d.doseMgPerKg + ' mg/kg): draw ' + fmt(d.drugVolumeMl, 2) + ' mL of ' + d.vialMgPerMl
          + ' mg/mL into ' + fmt(d.bagVolumeMl, 0) + ' mL; pump ' + fmt(d.pumpRateMlPerH) + ' mL/h for ' + d.durationMin + ' min.'
          + (d.warnings.length ? ' Check: ' + d.warnings.join('; ') : '');
      } catch (e) { box.textContent = e.message; }
    };
    if (signed.length && !running) {
      setTimeout(() => { ['ss-plan', 'ss-weight', 'ss-vial', 'ss-bag'].forEach(i => document.getElementById(i).addEventListener('change', preview)); preview(); }, 0);
    }
    else secard.appendChild(el('p', {class: 'muted'}, 'A signed plan with sessions left is needed to start a session.'));
    view.push(secard);

    // Questionnaires
    view.push(questionnaireCard(id, null, r.questionnaires));
    main().replaceChildren(...view);
  }

  // Personalised forecast (decision support): loads after the page, polls while the server recomputes.
  function forecastCard(patientId) {
    const card = el('section', {class: 'card', id: 'forecast'}, el('h2', {}, 'Personalised forecast'),
      el('p', {class: 'decision-support', id: 'forecast-disclaimer'}, 'Decision support only.'));
    const body = el('div', {id: 'forecast-body'}, el('p', {class: 'muted'}, 'Loading the forecast…'));
    card.appendChild(body);
    let tries = 0;
    async function load() {
      if (!document.body.contains(card) && tries > 0) return;
      tries++;
      let f;
      try { f = await api('GET', '/api/patients/' + patientId + '/forecast'); }
      catch (e) { body.replaceChildren(el('p', {class: 'muted', id: 'forecast-status'}, 'forecast unavailable: ' + e.message)); return; }
      if (!document.body.contains(card)) return;
      if (f.disclaimer) document.getElementById('forecast-disclaimer').textContent = f.disclaimer;
      renderForecast(body, f);
      if (f.status === 'updating' && tries < 120) setTimeout(load, 1500);
    }
    setTimeout(load, 0);
    return card;
  }

  function renderForecast(body, f) {
    const out = [];
    if (f.status === 'no_scores') { body.replaceChildren(el('p', {class: 'muted', id: 'forecast-status'}, f.message)); return; }
    if (f.status === 'updating') out.push(el('p', {class: 'muted', id: 'forecast-status'}, 'updating… ' + (f.stale ? '(showing the previous forecast)' : '')));
    if (f.status === 'unavailable') out.push(el('p', {class: 'alert-WARNING', id: 'forecast-status'}, 'forecast unavailable: ' + (f.reason || f.message)));
    if (!f.trajectory) { body.replaceChildren(...out); return; }
    const scale = f.primary_scale;
    const tr = f.trajectory.filter(p => p.scale === scale);
    const obs = (f.observed || []).filter(o => o.scale === scale);
    const pop = (f.population_prediction || []).filter(p => p.scale === scale);
    const series = [
      {name: 'personalised mean (band: 90 %)', color: '#1d4ed8', points: tr.map(p => [p.day, p.mean]), band: tr.map(p => [p.day, p.lo90, p.hi90])},
      {name: 'population, typical patient', color: '#c2410c', dashed: true, width: 1.5, points: pop.map(p => [p.day, p.mean])},
      {name: scale + ' recorded', color: '#20344f', markers: true, noLine: true, points: obs.map(o => [o.day, o.value])}];
    const hl = [];
    if (f.baseline && f.baseline.scale === scale) hl.push({y: f.baseline.value / 2, label: 'response (50 % of baseline ' + f.baseline.value + ')', color: '#2f7d3b'});
    hl.push({y: scale === 'PHQ-9' ? 4.5 : 10, label: 'remission', color: '#6b21a8'});
    const day0 = new Date(f.day0);
    const date = d => new Date(day0.getTime() + d * 86400000).toISOString().substring(0, 10);
    out.push(KetaCharts.lineChart({width: 760, height: 280, xLabel: 'days since ' + f.day0.substring(0, 10), yLabel: scale, yMin: 0,
      series, hLines: hl}));
    const days = Object.keys(f.p_response || {});
    const rec = f.recommendation;
    out.push(el('div', {class: 'kv', id: 'forecast-summary'},
      el('span', {}, 'Predicted relapse without further sessions'),
      el('span', {id: 'forecast-relapse'}, f.relapse_day === null ? '– (' + f.relapse_note + ')' : 'day ' + fmt(f.relapse_day, 1) + ' (' + date(f.relapse_day) + ')'),
      el('span', {}, 'P(response) / P(remission)'),
      el('span', {id: 'forecast-probabilities'}, days.map(d => d + ' (' + date(Number(d.replace('day ', ''))) + '): '
        + fmt(100 * f.p_response[d], 0) + ' % / ' + (f.p_remission[d] === null ? '–' : fmt(100 * f.p_remission[d], 0) + ' %')).join('; ')),
      el('span', {}, 'Based on'),
      el('span', {id: 'forecast-based-on'}, f.based_on.scores + ' score(s), ' + f.based_on.sessions + ' session(s); computed ' + when(f.computed_at)),
      el('span', {}, 'Limits'), el('span', {}, f.limits.doses_mg_per_kg.join(', ') + ' mg/kg, at most ' + f.limits.max_per_week + ' a week: ' + f.limits.source)));
    if (rec) {
      out.push(el('h3', {}, 'Recommended next session'));
      out.push(el('p', {id: 'forecast-recommendation'}, rec.next_day === null ? 'none within the limits'
        : 'day ' + rec.next_day + ' (' + date(rec.next_day) + '), ' + fmt(rec.dose_mg_per_kg, 2) + ' mg/kg (' + fmt(rec.dose_mg, 0) + ' mg ketamine HCl)'));
      out.push(el('p', {class: 'muted', id: 'forecast-reason'}, rec.reason));
      out.push(el('table', {id: 'forecast-alternatives'},
        el('tr', {}, ['Next day', 'mg/kg', 'mg', 'Sessions', 'Session days', 'Days out of response', 'Score next day', 'Score at end'].map(t => el('th', {}, t))),
        rec.alternatives.slice(0, 12).map(a => el('tr', {}, el('td', {}, String(a.next_day)), el('td', {}, fmt(a.dose_mg_per_kg, 2)), el('td', {}, fmt(a.dose_mg, 0)),
          el('td', {}, String(a.sessions)), el('td', {}, a.session_days.join(', ')), el('td', {}, String(a.days_out_of_response)),
          el('td', {}, fmt(a.score_day_after, 1)), el('td', {}, fmt(a.score_at_horizon, 1))))));
    }
    if ((f.assumptions || []).length) out.push(el('p', {class: 'muted'}, 'Assumptions: ' + f.assumptions.join('; ')));
    body.replaceChildren(...out);
  }

  function questionnaireCard(patientId, sessionId, list) {
    const card = el('section', {class: 'card', id: 'questionnaires'}, el('h2', {}, sessionId ? 'Ratings during this session' : 'Questionnaires'));
    if (list && list.length) card.appendChild(el('table', {id: 'questionnaire-table'}, el('tr', {}, ['Taken', 'Scale', 'Total', 'Band', 'Flags'].map(t => el('th', {}, t))),
      list.slice().reverse().map(q => el('tr', {}, el('td', {}, when(q.takenAt)), el('td', {}, q.label), el('td', {}, String(q.total)),
        el('td', {}, q.band), el('td', {class: 'flag'}, q.flags.join(' · '))))));
    const itemsBox = el('div', {class: 'items', id: 'q-items'});
    const pick = select('q-instrument', state.instruments.map(i => [i.id, i.label]), sessionId ? 'CADSS' : 'PHQ9');
    function renderItems() {
      const ins = state.instruments.find(i => i.id === pick.value);
      itemsBox.replaceChildren(...ins.items.flatMap((text, n) => [el('span', {}, (n + 1) + '. ' + text),
        select('q-item-' + n, [['', '–']].concat(Array.from({length: ins.max - ins.min + 1}, (_, v) => [String(ins.min + v), String(ins.min + v)])))]));
      itemsBox.appendChild(el('span', {class: 'muted'}, ins.source));
    }
    pick.addEventListener('change', renderItems);
    card.appendChild(el('form', {id: 'questionnaire-form', onsubmit: action(async () => {
      const ins = state.instruments.find(i => i.id === pick.value);
      const answers = ins.items.map((_, n) => { const v = val('q-item-' + n); return v === '' ? null : Number(v); });
      const q = await api('POST', '/api/patients/' + patientId + '/questionnaires', {instrument: ins.id, answers, sessionId});
      flash(q.label + ' total ' + q.total + ' (' + q.band + ')' + (q.flags.length ? ' — ' + q.flags.join('; ') : ''), !q.flags.length);
      route();
    })}, field('Scale', pick), itemsBox, el('button', {id: 'q-submit', type: 'submit'}, 'Score and save')));
    setTimeout(renderItems, 0);
    return card;
  }

  // ------------------------------------------------------------------ session
  async function showSession(id) {
    const r = await api('GET', '/api/sessions/' + id);
    const s = r.session, d = s.dose, pr = r.prediction, p = r.patient;
    const open = s.status === 'IN_PROGRESS';
    const view = [el('h1', {id: 'session-title'}, 'Session ' + s.sessionNumber + ' · ' + p.familyName + ', ' + p.givenName + ' · ' + s.status)];
    view.push(el('section', {class: 'card', id: 'dose-card'}, el('h2', {}, 'Dose'), el('div', {class: 'kv'},
      el('span', {}, 'Dose'), el('span', {id: 'dose-mg'}, fmt(d.doseMg) + ' mg ketamine HCl (' + d.doseMgPerKg + ' mg/kg × ' + fmt(d.weightKg) + ' kg)'),
      el('span', {}, 'Draw up'), el('span', {id: 'dose-volume'}, fmt(d.drugVolumeMl, 2) + ' mL of ' + d.vialMgPerMl + ' mg/mL, into ' + fmt(d.bagVolumeMl, 0) + ' mL'),
      el('span', {}, 'Pump'), el('span', {id: 'dose-rate'}, fmt(d.pumpRateMlPerH) + ' mL/h for ' + d.durationMin + ' min (' + fmt(d.totalVolumeMl, 2) + ' mL total)'),
      el('span', {}, 'Started'), el('span', {}, when(s.startedAt) + ' by ' + s.startedBy))));

    const alerts = r.vitals.flatMap(v => v.alerts.map(a => ({a, v})));
    if (alerts.length) view.push(el('section', {class: 'card', id: 'alerts'}, el('h2', {}, 'Alerts'),
      alerts.map(x => el('div', {class: 'alert-' + x.a.level}, 'min ' + x.v.reading.minute + ': ' + x.a.message))));

    const vs = r.vitals.map(v => v.reading);
    const charts = el('section', {class: 'card', id: 'session-charts'}, el('h2', {}, 'Recorded vs the model'), el('div', {class: 'grid2'},
      KetaCharts.lineChart({title: 'Blood pressure (mmHg)', xLabel: 'min from start', series: [
        {name: 'SBP recorded', color: '#b3261e', markers: true, points: vs.map(v => [v.minute, v.sbpMmHg])},
        {name: 'DBP recorded', color: '#1d4ed8', markers: true, points: vs.map(v => [v.minute, v.dbpMmHg])},
        {name: 'SBP model', color: '#b3261e', dashed: true, width: 1.2, points: pr.timesMin.map((t, i) => [t, pr.sbpMmHg[i]])},
        {name: 'DBP model', color: '#1d4ed8', dashed: true, width: 1.2, points: pr.timesMin.map((t, i) => [t, pr.dbpMmHg[i]])}],
        hLines: [{y: 180, label: 'SBP 180', color: '#b3261e'}, {y: 110, label: 'DBP 110', color: '#1d4ed8'}]}),
      KetaCharts.lineChart({title: 'Plasma ketamine, model (ng/mL)', xLabel: 'min from start', yMin: 0,
        series: [{name: 'predicted', color: '#c2410c', points: pr.timesMin.map((t, i) => [t, pr.ketamineNgMl[i]])}]}),
      KetaCharts.lineChart({title: 'Dissociation (CADSS)', xLabel: 'min from start', yMin: 0, series: [
        {name: 'model rise', color: '#6b21a8', dashed: true, points: pr.timesMin.map((t, i) => [t, pr.cadss[i]])},
        {name: 'recorded', color: '#6b21a8', markers: true, noLine: false, points: r.ratings.filter(q => q.instrument === 'CADSS')
          .map(q => [(new Date(q.takenAt) - new Date(s.startedAt)) / 60000, q.total])}]}),
      KetaCharts.lineChart({title: 'Heart rate and SpO₂', xLabel: 'min from start', series: [
        {name: 'HR /min', color: '#0f766e', markers: true, points: vs.map(v => [v.minute, v.hrBpm])},
        {name: 'SpO₂ %', color: '#475569', markers: true, points: vs.map(v => [v.minute, v.spo2Pct])}], hLines: [{y: 92, label: 'SpO₂ 92', color: '#475569'}]})),
      el('p', {class: 'muted'}, pr.note + '. Peak predicted: ketamine ' + fmt(pr.peakKetamineNgMl, 0) + ' ng/mL, CADSS +' + fmt(pr.peakCadss) + ', SBP ' + fmt(pr.peakSbpMmHg, 0) + ' mmHg.'));
    view.push(charts);

    const vcard = el('section', {class: 'card', id: 'vitals'}, el('h2', {}, 'Vital signs'),
      el('table', {id: 'vitals-table'}, el('tr', {}, ['min', 'BP', 'HR', 'SpO₂', 'RR', 'Alerts', 'By'].map(t => el('th', {}, t))),
        r.vitals.map(v => el('tr', {}, el('td', {}, String(v.reading.minute)), el('td', {}, v.reading.sbpMmHg + '/' + v.reading.dbpMmHg),
          el('td', {}, String(v.reading.hrBpm)), el('td', {}, String(v.reading.spo2Pct)), el('td', {}, String(v.reading.rrPerMin)),
          el('td', {}, v.alerts.map(a => el('div', {class: 'alert-' + a.level}, a.code))), el('td', {}, v.recordedBy)))));
    if (open) vcard.appendChild(el('form', {id: 'vitals-form', onsubmit: action(async () => {
      const v = await api('POST', '/api/sessions/' + id + '/vitals', {minute: num('v-minute'), sbpMmHg: num('v-sbp'), dbpMmHg: num('v-dbp'),
        hrBpm: num('v-hr'), spo2Pct: num('v-spo2'), rrPerMin: num('v-rr')});
      await route();
      if (v.alerts.length) flash('ALERT: ' + v.alerts.map(a => a.message).join(' | ')); else flash('Vitals recorded.', true);
    })}, field('Minute', numberInput('v-minute', {value: Math.max(0, Math.round((Date.now() - new Date(s.startedAt)) / 60000))})), field('SBP', numberInput('v-sbp')), field('DBP', numberInput('v-dbp')),
      field('HR', numberInput('v-hr')), field('SpO₂', numberInput('v-spo2')), field('RR', numberInput('v-rr')),
      el('button', {id: 'v-submit', type: 'submit'}, 'Record vitals')));
    view.push(vcard);

    const acard = el('section', {class: 'card', id: 'adverse-events'}, el('h2', {}, 'Adverse events'),
      r.adverseEvents.length ? el('table', {}, r.adverseEvents.map(a => el('tr', {}, el('td', {}, 'min ' + a.minute), el('td', {}, a.kind.toLowerCase()),
        el('td', {}, a.severity.toLowerCase()), el('td', {}, a.actionTaken), el('td', {}, a.recordedBy)))) : el('p', {class: 'muted'}, 'None recorded.'));
    if (open) acard.appendChild(el('form', {id: 'ae-form', onsubmit: action(async () => {
      await api('POST', '/api/sessions/' + id + '/adverse-events', {minute: num('ae-minute'), kind: val('ae-kind'), severity: val('ae-severity'),
        actionTaken: val('ae-action')}); route();
    }, 'Adverse event recorded.')}, field('Minute', numberInput('ae-minute')),
      field('Kind', select('ae-kind', state.reference.adverseEventKinds.map(k => [k, k.toLowerCase().replace(/_/g, ' ')]))),
      field('Severity', select('ae-severity', [['MILD', 'mild'], ['MODERATE', 'moderate'], ['SEVERE', 'severe']])),
      field('Action taken', el('input', {id: 'ae-action', maxlength: 1000})), el('button', {type: 'submit'}, 'Record event')));
    view.push(acard);

    view.push(questionnaireCard(p.id, id, r.ratings));

    const ecard = el('section', {class: 'card', id: 'discharge'}, el('h2', {}, 'Discharge'));
    if (open) ecard.appendChild(el('form', {id: 'discharge-form', onsubmit: action(async () => {
      await api('POST', '/api/sessions/' + id + '/end', {discharge: {oriented: checked('dc-oriented'), walksSteadily: checked('dc-gait'),
        nauseaControlled: checked('dc-nausea'), escortPresent: checked('dc-escort'), cadssTotal: num('dc-cadss'), minutesSinceInfusionEnd: num('dc-minutes')}});
      route();
    }, 'Patient discharged.')},
      el('label', {}, el('input', {type: 'checkbox', id: 'dc-oriented'}), ' oriented'),
      el('label', {}, el('input', {type: 'checkbox', id: 'dc-gait'}), ' walks steadily'),
      el('label', {}, el('input', {type: 'checkbox', id: 'dc-nausea'}), ' nausea controlled'),
      el('label', {}, el('input', {type: 'checkbox', id: 'dc-escort'}), ' escort present'),
      field('Last CADSS', numberInput('dc-cadss')), field('Minutes since infusion end', numberInput('dc-minutes')),
      el('button', {id: 'dc-submit', type: 'submit'}, 'Discharge'),
      el('button', {type: 'button', class: 'secondary', onclick: action(async () => {
        const reason = prompt('Reason for stopping the infusion early:');
        if (!reason) return;
        await api('POST', '/api/sessions/' + id + '/end', {stopped: true, reason}); route();
      }, 'Session stopped.')}, 'Stop infusion early')));
    else ecard.appendChild(el('p', {}, s.status + ' ' + when(s.endedAt) + ' by ' + (s.endedBy || '–')));
    view.push(ecard);
    view.push(el('p', {}, el('a', {href: '#/patient/' + p.id}, '← back to the patient')));
    main().replaceChildren(...view);
  }

  // ------------------------------------------------------------------ dashboard
  async function showDashboard() {
    const pick = select('dash-instrument', [['PHQ9', 'PHQ-9'], ['MADRS', 'MADRS']], state.dashInstrument || 'PHQ9');
    pick.addEventListener('change', () => { state.dashInstrument = pick.value; route(); });
    const d = await api('GET', '/api/dashboard?instrument=' + encodeURIComponent(pick.value));
    const withN = d.rates.filter(r => r.counted > 0);
    main().replaceChildren(el('h1', {}, 'Clinic outcomes'), el('section', {class: 'card', id: 'dashboard'}, field('Scale', pick),
      el('p', {id: 'who-counted'}, d.whoIsCounted),
      KetaCharts.lineChart({width: 760, height: 300, title: 'Response and remission (%) with Wilson 95 % intervals', xLabel: 'days since first infusion',
        yMin: 0, yMax: 100, xMin: 0, xMax: 90, series: [
          {name: 'response', color: '#2f7d3b', markers: true, points: withN.map(r => [r.targetDay, 100 * r.responseRate])},
          {name: 'remission', color: '#6b21a8', markers: true, points: withN.map(r => [r.targetDay + 0.6, 100 * r.remissionRate])}],
        intervals: withN.map(r => ({x: r.targetDay, lo: 100 * r.responseCi95[0], hi: 100 * r.responseCi95[1], color: '#2f7d3b'}))
          .concat(withN.map(r => ({x: r.targetDay + 0.6, lo: 100 * r.remissionCi95[0], hi: 100 * r.remissionCi95[1], color: '#6b21a8'})))}),
      el('table', {id: 'dashboard-table'}, el('tr', {}, ['Time point', 'Counted', 'Missing', 'Response', '95 % CI', 'Remission', '95 % CI'].map(t => el('th', {}, t))),
        d.rates.map(r => el('tr', {}, el('td', {}, r.timePoint), el('td', {}, r.counted + ' of ' + r.treatedWithBaseline), el('td', {}, String(r.missing)),
          el('td', {}, r.responseRate == null ? '–' : r.responders + ' (' + fmt(100 * r.responseRate, 0) + ' %)'),
          el('td', {}, r.counted ? fmt(100 * r.responseCi95[0], 0) + '–' + fmt(100 * r.responseCi95[1], 0) + ' %' : '–'),
          el('td', {}, r.remissionRate == null ? '–' : r.remitters + ' (' + fmt(100 * r.remissionRate, 0) + ' %)'),
          el('td', {}, r.counted ? fmt(100 * r.remissionCi95[0], 0) + '–' + fmt(100 * r.remissionCi95[1], 0) + ' %' : '–'))))));
  }

  // ------------------------------------------------------------------ protocols, rules, admin
  async function showProtocols() {
    const list = await api('GET', '/api/protocols');
    const isPhys = state.me.role === 'PHYSICIAN';
    main().replaceChildren(el('h1', {}, 'Protocol templates'), ...list.map(t => el('section', {class: 'card'},
      el('form', {onsubmit: action(async () => {
        await api('PUT', '/api/protocols/' + t.id, {name: val('pt-name-' + t.id), phase: t.phase, doseMgPerKg: num('pt-dose-' + t.id),
          durationMin: num('pt-dur-' + t.id), sessionCount: num('pt-count-' + t.id), spanDays: num('pt-span-' + t.id),
          minIntervalDays: num('pt-int-' + t.id), scheduleDays: val('pt-sched-' + t.id), description: val('pt-desc-' + t.id)}); route();
      }, 'Template saved.')},
        field('Name', el('input', {id: 'pt-name-' + t.id, value: t.name, size: 40})), el('span', {class: 'badge'}, t.phase.toLowerCase()),
        el('div', {}, field('mg/kg', numberInput('pt-dose-' + t.id, {value: t.doseMgPerKg})), field('minutes', numberInput('pt-dur-' + t.id, {value: t.durationMin})),
          field('sessions', numberInput('pt-count-' + t.id, {value: t.sessionCount})), field('within days', numberInput('pt-span-' + t.id, {value: t.spanDays})),
          field('min. days apart', numberInput('pt-int-' + t.id, {value: t.minIntervalDays})),
          field('days', el('input', {id: 'pt-sched-' + t.id, value: t.scheduleDays.join(','), size: 30}))),
        el('textarea', {id: 'pt-desc-' + t.id}, t.description), isPhys ? el('button', {type: 'submit'}, 'Save template') : el('p', {class: 'muted'}, 'Physicians edit templates.')))));
  }

  async function showRules() {
    const rules = await api('GET', '/api/screening/rules');
    main().replaceChildren(el('h1', {}, 'Eligibility rules'), el('section', {class: 'card'}, el('table', {},
      el('tr', {}, ['Id', 'Kind', 'Rule', 'Reason', 'Source'].map(t => el('th', {}, t))),
      rules.map(r => el('tr', {}, el('td', {}, r.id), el('td', {}, r.kind.toLowerCase()), el('td', {}, r.title), el('td', {}, r.reason), el('td', {class: 'muted'}, r.source))))));
  }

  async function showAdmin() {
    if (state.me.role !== 'ADMINISTRATOR') { main().replaceChildren(el('p', {}, 'Only administrators manage accounts.')); return; }
    const [users, verify, audit] = await Promise.all([api('GET', '/api/users'), api('GET', '/api/audit/verify'), api('GET', '/api/audit')]);
    main().replaceChildren(el('h1', {}, 'Accounts and audit'),
      el('section', {class: 'card'}, el('h2', {}, 'Accounts'), el('table', {id: 'users-table'}, el('tr', {}, ['User', 'Name', 'Role', 'Active', ''].map(t => el('th', {}, t))),
        users.map(u => el('tr', {}, el('td', {}, u.username), el('td', {}, u.fullName), el('td', {}, u.role.toLowerCase()), el('td', {}, u.active ? 'yes' : 'no'),
          el('td', {}, u.id !== state.me.id ? [el('button', {class: 'secondary', onclick: action(async () => {
            await api('POST', '/api/users/' + u.id + '/active', {active: !u.active}); route(); })}, u.active ? 'Deactivate' : 'Activate'),
            el('button', {class: 'secondary', onclick: action(async () => {
              const d = await api('POST', '/api/users/' + u.id + '/password');
              flash('New one-time password for ' + u.username + ': ' + d.oneTimePassword + ' (shown once)', true);
            })}, 'Reset password')] : '')))),
        el('form', {id: 'user-form', onsubmit: action(async () => {
          const d = await api('POST', '/api/users', {username: val('u-name'), fullName: val('u-full'), role: val('u-role')});
          flash('Account created. One-time password for ' + d.user.username + ': ' + d.oneTimePassword + ' (shown once)', true);
          await route();
          flash('Account created. One-time password for ' + d.user.username + ': ' + d.oneTimePassword + ' (shown once)', true);
        })}, field('Username', el('input', {id: 'u-name'})), field('Full name', el('input', {id: 'u-full'})),
          field('Role', select('u-role', [['PHYSICIAN', 'physician'], ['NURSE', 'nurse'], ['ADMINISTRATOR', 'administrator']])),
          el('button', {type: 'submit'}, 'Create account'))),
      el('section', {class: 'card'}, el('h2', {}, 'Audit log'),
        el('p', {id: 'audit-verify'}, verify.intact ? 'Hash chain intact (' + verify.rows + ' entries).' : 'HASH CHAIN BROKEN: ' + verify.problem),
        el('table', {}, el('tr', {}, ['#', 'When', 'Who', 'Action', 'Record', 'Patient', 'Detail'].map(t => el('th', {}, t))),
          audit.map(a => el('tr', {}, el('td', {}, String(a.seq)), el('td', {}, when(a.at)), el('td', {}, a.actor), el('td', {}, a.action),
            el('td', {}, a.entity + (a.entityId ? ' ' + a.entityId : '')), el('td', {}, a.patientId ?? ''), el('td', {}, a.detail))))));
  }

  // ------------------------------------------------------------------ start
  document.getElementById('logout').addEventListener('click', action(async () => {
    await api('POST', '/api/logout'); state.me = null; state.csrf = null; showLogin();
  }));
  (async () => {
    try {
      const r = await fetch('/api/me', {credentials: 'same-origin'});
      if (r.ok) await loggedIn(await r.json()); else showLogin();
    } catch (e) { showLogin(); }
  })();
})();
