/*
 * Tidings in the Zendesk ticket sidebar: the active incidents affecting the requester, their
 * preferences, consent and recent notifications, and the two changes an agent may make on a call.
 *
 * Every call to Tidings is a secure ZAF request: Zendesk's proxy puts the agent-role API key
 * (a secure app setting) into the Authorization header on its side, so the key never reaches
 * this page, and the call is made server to server, so Tidings needs no CORS.
 */
(function () {
  'use strict';

  var CATEGORIES = ['TRANSACTIONAL', 'PROMOTIONAL', 'SERVICE_UPDATE', 'LEGAL', 'SURVEY', 'SECURITY'];
  var CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP', 'VOICE', 'PUSH', 'IN_APP'];
  var PURPOSES = ['marketing', 'service-communications', 'data-sharing', 'profiling', 'legal'];
  var RECENT_NOTIFICATIONS = 10;

  var client = ZAFClient.init();
  var context = {};

  function byId(id) {
    return document.getElementById(id);
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function showStatus(text, isError) {
    var status = byId('status');
    status.textContent = text;
    status.className = isError ? 'error' : 'muted';
  }

  function resize() {
    client.invoke('resize', { width: '100%', height: document.body.scrollHeight + 'px' });
  }

  function fillSelect(select, values, blankLabel) {
    if (blankLabel) select.appendChild(new Option(blankLabel, ''));
    values.forEach(function (value) { select.appendChild(new Option(value, value)); });
  }

  /** A call to Tidings through Zendesk's proxy; resolves with the parsed JSON body. */
  function tidings(method, path, body) {
    var options = {
      url: context.baseUrl + path,
      type: method,
      secure: true,
      cors: false,
      headers: { Authorization: 'Bearer {{setting.tidings_api_key}}' },
      dataType: 'json'
    };
    if (body !== undefined) {
      options.contentType = 'application/json';
      options.data = JSON.stringify(body);
    }
    return client.request(options).then(function (data) {
      return typeof data === 'string' && data !== '' ? JSON.parse(data) : data;
    }, function (failure) {
      throw new Error(problemText(failure));
    });
  }

  /** The problem+json detail Tidings answered with, else the HTTP status. */
  function problemText(failure) {
    var problem = failure && failure.responseJSON;
    if (!problem && failure && failure.responseText) {
      try { problem = JSON.parse(failure.responseText); } catch (ignored) { problem = null; }
    }
    if (problem && (problem.detail || problem.title)) {
      var fields = (problem.errors || []).map(function (e) { return e.field + ' ' + e.message; });
      return (problem.detail || problem.title) + (fields.length ? ' (' + fields.join('; ') + ')' : '');
    }
    return 'Tidings did not answer' + (failure && failure.status ? ' (HTTP ' + failure.status + ')' : '') + '.';
  }

  function renderCustomer(customer) {
    var parts = ['Zendesk user ' + customer.externalRefs.zendeskUserId];
    if (customer.timeZone) parts.push(customer.timeZone);
    if (customer.locale) parts.push(customer.locale);
    byId('customer-summary').textContent = parts.join(' · ');
    byId('customer').hidden = false;
  }

  /** "UNPLANNED_OUTAGE" as "unplanned outage". */
  function words(constant) {
    return constant.toLowerCase().replace(/_/g, ' ');
  }

  function renderIncidents(incidents) {
    var list = byId('incident-list');
    list.replaceChildren();
    incidents.forEach(function (incident) {
      var item = element('li');
      item.dataset.incidentId = incident.id;
      item.dataset.severity = incident.severity;
      item.dataset.kind = incident.kind;
      item.dataset.status = incident.status;
      item.appendChild(element('span', incident.title, 'incident-title'));
      item.appendChild(element('div', words(incident.severity) + ' ' + words(incident.kind) + ' · '
        + words(incident.status) + ' · since ' + new Date(incident.startsAt).toLocaleString(), 'muted'));
      var latest = incident.timeline[incident.timeline.length - 1];
      if (latest) item.appendChild(element('div', latest.message));
      list.appendChild(item);
    });
    byId('incidents-empty').hidden = incidents.length > 0;
    byId('incidents').hidden = false;
  }

  function renderPreferences(preferences) {
    byId('preferences-summary').textContent = 'Version ' + preferences.version
      + (preferences.language ? ', messages in ' + preferences.language : '')
      + '. Anything not listed follows the category default.';
    var choices = byId('preference-choices');
    choices.replaceChildren();
    preferences.choices.forEach(function (choice) {
      var item = element('li', choice.category + ' on ' + choice.channel + ': ' + (choice.enabled ? 'on' : 'off'));
      item.dataset.category = choice.category;
      item.dataset.channel = choice.channel;
      item.dataset.enabled = String(choice.enabled);
      choices.appendChild(item);
    });
    var quiet = byId('quiet-hours');
    quiet.replaceChildren();
    preferences.quietHours.forEach(function (window) {
      quiet.appendChild(element('li', 'Quiet hours on ' + window.channel + ': ' + window.start + '–' + window.end));
    });
    byId('preferences').hidden = false;
  }

  function renderConsent(current) {
    var rows = byId('consent-states').tBodies[0];
    rows.replaceChildren();
    current.states.forEach(function (state) {
      var row = document.createElement('tr');
      row.dataset.purpose = state.purpose;
      row.dataset.channel = state.channel;
      row.dataset.status = state.status;
      [state.purpose, state.channel, state.status].forEach(function (cell) { row.appendChild(element('td', cell)); });
      rows.appendChild(row);
    });
    byId('consent-empty').hidden = current.states.length > 0;
    byId('consent').hidden = false;
  }

  function renderNotifications(entries) {
    var list = byId('notification-list');
    list.replaceChildren();
    entries.forEach(function (entry) {
      var item = element('li');
      item.dataset.outcome = entry.outcome;
      var details = element('details');
      var summary = element('summary');
      summary.appendChild(element('span', entry.outcome, 'outcome'));
      summary.appendChild(document.createTextNode(' ' + entry.category + ' by ' + entry.channel
        + ' · ' + new Date(entry.decidedAt).toLocaleString() + ' — ' + entry.reason));
      details.appendChild(summary);
      var trail = element('ol');
      entry.trail.forEach(function (step) {
        trail.appendChild(element('li', step.rule + ': ' + step.verdict + ' — ' + step.description));
      });
      details.appendChild(trail);
      item.appendChild(details);
      list.appendChild(item);
    });
    byId('notifications-empty').hidden = entries.length > 0;
    byId('notifications').hidden = false;
  }

  function customerPath(suffix) {
    return '/api/v1/customers/' + encodeURIComponent(context.customer.id) + suffix;
  }

  function loadCustomerData() {
    return Promise.all([
      tidings('GET', customerPath('/incidents')).then(renderIncidents),
      tidings('GET', customerPath('/preferences')).then(renderPreferences),
      tidings('GET', customerPath('/consents/current')).then(renderConsent),
      tidings('GET', customerPath('/notifications?limit=' + RECENT_NOTIFICATIONS)).then(renderNotifications)
    ]);
  }

  function onPreferenceSubmit(event) {
    event.preventDefault();
    var form = event.target;
    var change = {
      choices: [{
        category: form.elements.category.value,
        channel: form.elements.channel.value,
        enabled: form.elements.enabled.value === 'true'
      }],
      ticketId: String(context.ticketId)
    };
    submit(form, tidings('PATCH', customerPath('/preferences'), change).then(renderPreferences), 'Preference saved.');
  }

  function onConsentSubmit(event) {
    event.preventDefault();
    var form = event.target;
    var record = {
      purpose: form.elements.purpose.value,
      status: form.elements.status.value,
      source: 'AGENT',
      evidence: { ticketId: String(context.ticketId), agentId: String(context.agent.id) }
    };
    if (form.elements.channel.value) record.channels = [form.elements.channel.value];
    if (form.elements.note.value.trim()) record.evidence.note = form.elements.note.value.trim();
    var saved = tidings('POST', customerPath('/consents'), record).then(function () {
      return tidings('GET', customerPath('/consents/current')).then(renderConsent);
    });
    submit(form, saved, 'Consent recorded.');
  }

  function submit(form, saving, doneText) {
    var button = form.querySelector('button');
    button.disabled = true;
    showStatus('Saving…');
    saving.then(function () {
      showStatus(doneText);
    }, function (error) {
      showStatus(error.message, true);
    }).then(function () {
      button.disabled = false;
      resize();
    });
  }

  function prepareForms() {
    var preferenceForm = byId('preference-form');
    fillSelect(preferenceForm.elements.category, CATEGORIES);
    fillSelect(preferenceForm.elements.channel, CHANNELS);
    preferenceForm.addEventListener('submit', onPreferenceSubmit);
    var consentForm = byId('consent-form');
    fillSelect(consentForm.elements.purpose, PURPOSES);
    fillSelect(consentForm.elements.channel, CHANNELS, 'every channel');
    consentForm.addEventListener('submit', onConsentSubmit);
  }

  function start() {
    prepareForms();
    Promise.all([client.metadata(), client.get(['ticket.id', 'ticket.requester', 'currentUser'])])
      .then(function (answers) {
        context.baseUrl = String(answers[0].settings.tidings_base_url || '').replace(/\/+$/, '');
        context.ticketId = answers[1]['ticket.id'];
        context.agent = answers[1].currentUser;
        var requester = answers[1]['ticket.requester'];
        return tidings('GET', '/api/v1/customers?limit=1&zendeskUserId=' + encodeURIComponent(requester.id))
          .then(function (page) {
            if (page.items.length === 0) {
              showStatus('Tidings has no customer for this requester (Zendesk user ' + requester.id + ').');
              return null;
            }
            context.customer = page.items[0];
            renderCustomer(context.customer);
            return loadCustomerData().then(function () { showStatus(''); });
          });
      })
      .catch(function (error) {
        showStatus(error.message, true);
      })
      .then(resize);
  }

  start();
}());
