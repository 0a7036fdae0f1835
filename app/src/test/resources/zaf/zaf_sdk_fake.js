/*
 * Test stand-in for Zendesk's ZAF SDK: just what the sidebar uses (init, metadata, get, invoke,
 * request). The page's query string plays Zendesk: the app's settings, the ticket and the agent.
 * Like Zendesk, metadata() hides secure settings, and {{setting.…}} placeholders are filled in
 * only for secure requests (Zendesk's proxy does that on its side). Every request the page makes
 * is kept in window.zafFakeRequests, as the page wrote it, for the test to inspect.
 */
(function () {
  'use strict';
  var query = new URLSearchParams(window.location.search);
  var settings = { tidings_base_url: query.get('tidingsBaseUrl'), tidings_api_key: query.get('apiKey') };
  var secureSettings = ['tidings_api_key'];
  var zendesk = {
    'ticket.id': Number(query.get('ticketId')),
    'ticket.requester': { id: Number(query.get('requesterId')), name: 'Requester' },
    currentUser: { id: Number(query.get('agentId')), name: 'Agent', role: 'agent' }
  };
  window.zafFakeRequests = [];

  function withSettings(text) {
    return text.replace(/\{\{setting\.([a-z0-9_]+)\}\}/g, function (match, name) {
      return name in settings ? settings[name] : match;
    });
  }

  var client = {
    metadata: function () {
      var visible = {};
      Object.keys(settings).forEach(function (name) {
        if (secureSettings.indexOf(name) < 0) visible[name] = settings[name];
      });
      return Promise.resolve({ settings: visible });
    },
    get: function (paths) {
      var answer = {};
      [].concat(paths).forEach(function (path) { answer[path] = zendesk[path]; });
      return Promise.resolve(answer);
    },
    invoke: function () {
      return Promise.resolve({});
    },
    request: function (options) {
      window.zafFakeRequests.push(JSON.parse(JSON.stringify(options)));
      var headers = {};
      Object.keys(options.headers || {}).forEach(function (name) {
        headers[name] = options.secure ? withSettings(options.headers[name]) : options.headers[name];
      });
      if (options.contentType) headers['Content-Type'] = options.contentType;
      return fetch(options.url, { method: options.type || 'GET', headers: headers, body: options.data })
        .then(function (response) {
          return response.text().then(function (text) {
            if (response.ok) return text ? JSON.parse(text) : null;
            var failure = { status: response.status, responseText: text };
            try { failure.responseJSON = JSON.parse(text); } catch (ignored) { /* not JSON */ }
            throw failure;
          });
        });
    }
  };

  window.ZAFClient = { init: function () { return client; } };
}());
