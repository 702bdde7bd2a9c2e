import type { Mailer } from './env'

/** The default mailer: the message goes to the server log, for whoever runs the server. */
export const logMailer: Mailer = {
  async send(message) {
    console.log(`dockdeck mail to ${message.to}: ${message.subject}\n${message.text}`)
  },
}
