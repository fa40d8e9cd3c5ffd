// The phone page: join a room with a name and the code, add ideas, spend dot votes, watch the ranking.
// It is one more Yjs replica of the room's document (docs/collaboration.md): the standard sync protocol over
// ws://HOST:PORT/room?code=CODE, presence through Yjs awareness, reconnecting every second after a drop with
// every edit kept meanwhile. It writes a requirement exactly as the desktop does, and its dots only into its
// own entry of the `dots` map (roadmap_desktop/crdt/dot_votes.py); the room's host turns dots into `votes`.
(function () {
  'use strict'
  const { Y, sync, awareness: aw, encoding, decoding } = window.YjsBundle
  const MESSAGE_SYNC = 0
  const MESSAGE_AWARENESS = 1
  const RETRY_MS = 1000
  const REMOTE = { remote: true } // the origin of transactions that came from the room
  const CLOSE_ENDED = 4000 // the room's close code for "the facilitator ended the room": no more retries

  const WORDS = {
    en: {
      join_title: 'Join the workshop',
      name: 'Your name',
      code: 'Join code',
      join: 'Join',
      need_name: 'Type your name.',
      need_code: 'Type the join code.',
      joining: 'Joining…',
      refused: 'The room did not accept this code. Check it and try again.',
      idea_label: 'Add an idea',
      idea_placeholder: 'A new idea',
      add: 'Add',
      ranking: 'Ranking by dots',
      empty: 'No ideas yet: add the first one.',
      dots_left: '{n} of {limit} dots left',
      no_dots_left: 'All your dots are spent: take one back to move it.',
      votes: '{n} dots in all',
      votes_one: '1 dot in all',
      mine: 'yours: {n}',
      add_dot: 'Put a dot on {title}',
      remove_dot: 'Take a dot back from {title}',
      live: 'Live · {n} here',
      connecting: 'Connecting…',
      offline: 'Offline: reconnecting… Your changes are kept.',
      locked: 'Editing is locked by the facilitator.',
      ended: 'The room has ended. Thank you for taking part.',
      ended_status: 'Ended',
      leave: 'Change name',
      untitled: '(untitled)',
      roadmap: 'Roadmap'
    },
    zh: {
      join_title: '加入研讨会',
      name: '你的名字',
      code: '加入码',
      join: '加入',
      need_name: '请输入你的名字。',
      need_code: '请输入加入码。',
      joining: '正在加入…',
      refused: '房间不接受这个加入码，请检查后重试。',
      idea_label: '添加想法',
      idea_placeholder: '新的想法',
      add: '添加',
      ranking: '按投票点排名',
      empty: '还没有想法：来添加第一个吧。',
      dots_left: '还剩 {n} 个投票点（共 {limit} 个）',
      no_dots_left: '投票点已用完：先收回一个，再投给别的想法。',
      votes: '共 {n} 票',
      mine: '你投了 {n} 票',
      add_dot: '给“{title}”投一个点',
      remove_dot: '从“{title}”收回一个点',
      live: '已连接 · {n} 人在线',
      connecting: '正在连接…',
      offline: '已断开，正在重连…你的修改都会保留。',
      locked: '主持人已锁定编辑。',
      ended: '本次会议室已结束，感谢参与。',
      ended_status: '已结束',
      leave: '换个名字',
      untitled: '（无标题）',
      roadmap: '路线图'
    }
  }
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']
  const lang = String(languages[0]).toLowerCase().startsWith('zh') ? 'zh' : 'en'
  const t = (key, vars) => {
    const words = WORDS[lang]
    const text = vars && vars.n === 1 && words[key + '_one'] ? words[key + '_one'] : words[key]
    return String(text).replace(/\{(\w+)\}/g, (_, name) => String(vars[name]))
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t) })

  const $ = id => document.getElementById(id)
  const remember = (key, value) => { try { localStorage.setItem(key, value) } catch (_) {} } // private mode may refuse
  const recall = key => { try { return localStorage.getItem(key) || '' } catch (_) { return '' } }
  const defaults = JSON.parse($('requirement-defaults').textContent)
  const params = new URLSearchParams(location.search)
  $('idea').placeholder = t('idea_placeholder')
  $('name').value = recall('roadmap.name')
  $('code').value = params.get('code') || recall('roadmap.code')

  let doc = null
  let presence = null
  let socket = null
  let code = ''
  let name = ''
  let everSynced = false
  let ended = false // the room has ended: the page keeps what it shows and never connects again
  let synced = false
  let renderQueued = false

  // -- joining ----------------------------------------------------------------------------------------------
  $('join-form').addEventListener('submit', event => {
    event.preventDefault()
    name = $('name').value.trim().split(/\s+/).join(' ')
    code = $('code').value.trim()
    $('join-error').textContent = !name ? t('need_name') : !code ? t('need_code') : ''
    if (!name || !code) return
    remember('roadmap.name', name)
    $('join-button').disabled = true
    $('join-button').textContent = t('joining')
    if (doc && everSynced && presence.getLocalState().user.name === name) connect() // a new code: keep this replica's edits
    else { stop(); start() }
  })

  $('leave').addEventListener('click', () => {
    stop()
    $('room').hidden = true
    $('join').hidden = false
    $('join-button').disabled = false
    $('join-button').textContent = t('join')
  })

  function start () {
    doc = new Y.Doc()
    presence = new aw.Awareness(doc)
    presence.setLocalStateField('user', { name })
    everSynced = synced = ended = false
    doc.on('update', (update, origin) => {
      if (origin !== REMOTE) send(MESSAGE_SYNC, enc => sync.writeUpdate(enc, update))
      queueRender()
    })
    presence.on('update', ({ added, updated, removed }, origin) => {
      if (origin === 'local') {
        const changed = added.concat(updated, removed)
        send(MESSAGE_AWARENESS, enc => encoding.writeVarUint8Array(enc, aw.encodeAwarenessUpdate(presence, changed)))
      }
      queueRender()
    })
    connect()
  }

  function stop () {
    const old = socket
    socket = null
    if (presence) aw.removeAwarenessStates(presence, [doc.clientID], 'left')
    if (old) old.close()
    if (presence) presence.destroy()
    doc = presence = null
  }

  window.addEventListener('pagehide', () => {
    if (presence) aw.removeAwarenessStates(presence, [doc.clientID], 'left')
  })

  // -- the Yjs sync protocol over the room's WebSocket ------------------------------------------------------
  function connect () {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://'
    const ws = new WebSocket(scheme + location.host + '/room?code=' + encodeURIComponent(code))
    ws.binaryType = 'arraybuffer'
    socket = ws
    let opened = false
    ws.onopen = () => {
      opened = true
      send(MESSAGE_SYNC, enc => sync.writeSyncStep1(enc, doc))
      send(MESSAGE_AWARENESS, enc => encoding.writeVarUint8Array(enc, aw.encodeAwarenessUpdate(presence, [doc.clientID])))
    }
    ws.onmessage = event => { if (socket === ws) receive(new Uint8Array(event.data)) }
    ws.onclose = event => {
      if (socket !== ws) return // left on purpose
      synced = false
      if (event.code === CLOSE_ENDED || ended) { socket = null; ended = true; queueRender(); return }
      if (!opened && !everSynced) { // the page came from this room, so a first refusal is the code
        socket = null
        showJoinError(t('refused'), false)
        return
      }
      if (opened) aw.removeAwarenessStates(presence, Array.from(presence.getStates().keys()).filter(id => id !== doc.clientID), REMOTE)
      showStatus()
      if (opened) { retry(ws); return }
      // Down, or back with another code (a room restarted without --code)? The page answers only if it is up.
      fetch('/', { method: 'HEAD', cache: 'no-store' }).then(answer => {
        if (socket !== ws) return
        if (answer.ok) { socket = null; showJoinError(t('refused'), true) } else retry(ws)
      }, () => retry(ws))
    }
  }

  function retry (ws) {
    setTimeout(() => { if (socket === ws) connect() }, RETRY_MS)
  }

  function send (type, write) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return // what is not sent now goes with the next sync
    const enc = encoding.createEncoder()
    encoding.writeVarUint(enc, type)
    write(enc)
    socket.send(encoding.toUint8Array(enc))
  }

  function receive (data) {
    try {
      const dec = decoding.createDecoder(data)
      const type = decoding.readVarUint(dec)
      if (type === MESSAGE_SYNC) {
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, MESSAGE_SYNC)
        const kind = sync.readSyncMessage(dec, reply, doc, REMOTE)
        if (encoding.length(reply) > 1) socket.send(encoding.toUint8Array(reply))
        if (kind === sync.messageYjsSyncStep2 && !synced) onSynced()
      } else if (type === MESSAGE_AWARENESS) {
        aw.applyAwarenessUpdate(presence, decoding.readVarUint8Array(dec), REMOTE)
      }
    } catch (error) {
      console.warn('ignored a message the page could not read', error)
    }
  }

  function onSynced () {
    synced = everSynced = true
    remember('roadmap.code', code)
    $('join').hidden = true
    $('room').hidden = false
    $('me').textContent = name
    queueRender()
  }

  function showJoinError (text, keepEdits) {
    if (!keepEdits) stop()
    $('room').hidden = true
    $('join').hidden = false
    $('join-error').textContent = text
    $('join-button').disabled = false
    $('join-button').textContent = t('join')
  }

  // -- reading the document (the reading rules of docs/collaboration.md) -----------------------------------
  function requirementsInOrder () {
    const map = doc.getMap('requirements')
    const seen = new Set()
    const ids = []
    for (const id of doc.getArray('requirements_order').toArray()) {
      if (typeof id === 'string' && map.get(id) instanceof Y.Map && !seen.has(id)) { seen.add(id); ids.push(id) }
    }
    ids.push(...Array.from(map.keys()).filter(id => !seen.has(id) && map.get(id) instanceof Y.Map).sort())
    return ids.map(id => ({ id, entry: map.get(id) }))
  }

  function personKey () { return name.toLowerCase() }

  function myDots () {
    const mine = doc.getMap('dots').get(personKey())
    const dots = mine instanceof Y.Map ? mine.get('dots') : null
    const out = new Map()
    if (dots instanceof Y.Map) dots.forEach((n, id) => { if (typeof n === 'number' && n > 0) out.set(id, Math.floor(n)) })
    return out
  }

  // The room's own presence state {"room": {"read_only", "ended"}} (docs/collaboration.md): only the room sets it.
  function roomState () {
    for (const state of (presence ? presence.getStates().values() : [])) {
      const room = state && state.room
      if (room && typeof room === 'object') return { readOnly: room.read_only === true, ended: room.ended === true }
    }
    return { readOnly: false, ended: false }
  }

  function editable () { return !ended && !roomState().readOnly }

  function dotsPerPerson () {
    const n = doc.getMap('room').get('dots_per_person')
    return typeof n === 'number' && n >= 1 ? Math.floor(n) : 3
  }

  // -- writing ---------------------------------------------------------------------------------------------
  function shared (value) {
    if (Array.isArray(value)) { const a = new Y.Array(); a.push(value); return a }
    if (value !== null && typeof value === 'object') { const m = new Y.Map(); for (const k in value) m.set(k, value[k]); return m }
    return value
  }

  function newId () { // a UUID 4, as the desktop makes; crypto.randomUUID needs HTTPS, getRandomValues does not
    const b = crypto.getRandomValues(new Uint8Array(16))
    b[6] = (b[6] & 0x0f) | 0x40
    b[8] = (b[8] & 0x3f) | 0x80
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }

  $('idea-form').addEventListener('submit', event => {
    event.preventDefault()
    const title = $('idea').value.trim()
    if (!title || !doc || !everSynced || !editable()) return
    const id = newId()
    doc.transact(() => {
      const entry = new Y.Map()
      doc.getMap('requirements').set(id, entry)
      for (const key in defaults) entry.set(key, shared(defaults[key]))
      entry.set('id', id)
      entry.set('title', title)
      doc.getArray('requirements_order').push([id])
    })
    $('idea').value = ''
  })

  function changeDot (id, step) {
    if (!doc || !everSynced || !editable()) return // offline after joining is fine: the edit goes out on reconnect
    const spent = Array.from(myDots().values()).reduce((a, b) => a + b, 0)
    if (step > 0 && spent >= dotsPerPerson()) { $('dots-note').textContent = t('no_dots_left'); return }
    doc.transact(() => {
      const people = doc.getMap('dots')
      let mine = people.get(personKey())
      if (!(mine instanceof Y.Map)) { mine = new Y.Map(); people.set(personKey(), mine) }
      if (mine.get('name') !== name) mine.set('name', name)
      let dots = mine.get('dots')
      if (!(dots instanceof Y.Map)) { dots = new Y.Map(); mine.set('dots', dots) }
      const now = typeof dots.get(id) === 'number' ? Math.floor(dots.get(id)) : 0
      if (now + step > 0) dots.set(id, now + step)
      else if (dots.has(id)) dots.delete(id)
    })
  }

  $('ranking').addEventListener('click', event => {
    const button = event.target.closest('button[data-id]')
    if (button) changeDot(button.dataset.id, Number(button.dataset.step))
  })

  // -- showing ---------------------------------------------------------------------------------------------
  function queueRender () {
    if (renderQueued) return
    renderQueued = true
    requestAnimationFrame(() => { renderQueued = false; render() })
  }

  function showStatus () {
    const status = $('status')
    const here = presence ? Array.from(presence.getStates().values()).filter(s => s && s.user).length : 0
    status.textContent = ended ? t('ended_status') : synced ? t('live', { n: here }) : everSynced ? t('offline') : t('connecting')
    status.classList.toggle('offline', everSynced && !synced && !ended)
  }

  function render () {
    if (!doc) return
    showStatus()
    if (!everSynced) return
    if (roomState().ended) ended = true // announced just before the room closes every connection
    const readOnly = !ended && roomState().readOnly
    const note = $('room-note')
    note.textContent = ended ? t('ended') : readOnly ? t('locked') : ''
    note.hidden = !ended && !readOnly
    note.classList.toggle('ended', ended)
    $('idea').disabled = $('add-idea').disabled = !editable()
    $('idea-form').hidden = $('dots').hidden = ended // what stays is the final ranking
    const projectName = doc.getMap('project').get('name')
    $('project-name').textContent = typeof projectName === 'string' && projectName ? projectName : t('roadmap')
    document.title = $('project-name').textContent

    const limit = dotsPerPerson()
    const mine = myDots()
    const spent = Array.from(mine.values()).reduce((a, b) => a + b, 0)
    const left = Math.max(0, limit - spent)
    const dotsLeft = $('dots-left')
    dotsLeft.textContent = ''
    for (let i = 0; i < limit; i++) {
      const dot = document.createElement('span')
      dot.className = i < left ? 'dot full' : 'dot'
      dotsLeft.append(dot)
    }
    dotsLeft.append(' ' + t('dots_left', { n: left, limit }))
    if (left > 0) $('dots-note').textContent = ''

    const rows = requirementsInOrder()
      .filter(r => r.entry.get('status') !== 'dropped')
      .map((r, place) => {
        const votes = r.entry.get('votes')
        const title = r.entry.get('title')
        return { id: r.id, place, votes: typeof votes === 'number' ? votes : 0, title: typeof title === 'string' && title.trim() ? title : t('untitled') }
      })
      .sort((a, b) => b.votes - a.votes || a.place - b.place)
    // Rows are kept and moved, not rebuilt, so a finger on a button never loses it to an update.
    const list = $('ranking')
    const kept = new Map(Array.from(list.children, item => [item.dataset.id, item]))
    rows.forEach((row, index) => {
      const item = kept.get(row.id) || newRow(row.id)
      kept.delete(row.id)
      const own = mine.get(row.id) || 0
      item.querySelector('.rank').textContent = String(index + 1)
      item.querySelector('.name').textContent = row.title
      item.querySelector('.votes').textContent = t('votes', { n: row.votes }) + (own ? ' · ' + t('mine', { n: own }) : '')
      const less = item.querySelector('.less')
      less.hidden = !own
      less.disabled = !editable()
      less.setAttribute('aria-label', t('remove_dot', { title: row.title }))
      const more = item.querySelector('.more')
      more.classList.toggle('spent', left === 0)
      more.disabled = !editable()
      more.setAttribute('aria-label', t('add_dot', { title: row.title }))
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] || null)
    })
    kept.forEach(item => item.remove())
    $('empty').hidden = rows.length > 0
  }

  function newRow (id) {
    const item = document.createElement('li')
    item.dataset.id = id
    const rank = document.createElement('span')
    rank.className = 'rank'
    const title = document.createElement('span')
    title.className = 'title'
    const text = document.createElement('span')
    text.className = 'name'
    const votes = document.createElement('span')
    votes.className = 'votes'
    title.append(text, votes)
    item.append(rank, title, dotButton(id, -1, '−', 'less'), dotButton(id, 1, '+', 'more'))
    return item
  }

  function dotButton (id, step, text, className) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = className
    button.textContent = text
    button.dataset.id = id
    button.dataset.step = String(step)
    return button
  }
})()
