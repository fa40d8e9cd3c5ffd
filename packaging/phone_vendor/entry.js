// What the phone page (resources/phone/phone.js) uses of Yjs, bundled by packaging/build_phone_vendor.sh
// into one file that defines the global YjsBundle.
export * as Y from 'yjs'
export * as sync from 'y-protocols/sync'
export * as awareness from 'y-protocols/awareness'
export * as encoding from 'lib0/encoding'
export * as decoding from 'lib0/decoding'
