/** The review page a service worker serves without a connection; `offline-review.js` fills it. */
export function ReviewOffline() {
  return (
    <section id="offline-review" class="card review-card">
      <h1>Review offline</h1>
      <p id="offline-status" role="status">
        Answers made here are kept on this device and sent when the connection returns.
      </p>
      <div class="offline-prompt card-html">Loading today's cards…</div>
      <hr />
      <div class="offline-answer card-html" hidden />
      <p>
        <button type="button" class="offline-reveal" hidden>
          Show answer
        </button>
      </p>
      <p class="offline-grades" hidden>
        <button type="button" value="again">
          Again
        </button>{' '}
        <button type="button" value="hard">
          Hard
        </button>{' '}
        <button type="button" value="good">
          Good
        </button>{' '}
        <button type="button" value="easy">
          Easy
        </button>
      </p>
    </section>
  )
}
