/** `/help`: how to study with dockdeck, the keyboard, and where the API is described. */
export function HelpPage() {
  return (
    <section class="card">
      <h1>Help</h1>
      <p>
        New here? <a href="/welcome">Read the one-minute introduction</a>: the four grades, daily limits and the exam
        date.
      </p>
      <h2>Reviewing with a keyboard</h2>
      <table>
        <tbody>
          <tr>
            <td>
              <kbd>Space</kbd> or <kbd>Enter</kbd>
            </td>
            <td>Show the answer</td>
          </tr>
          <tr>
            <td>
              <kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd> <kbd>4</kbd>
            </td>
            <td>Again, Hard, Good, Easy</td>
          </tr>
          <tr>
            <td>
              <kbd>U</kbd> or <kbd>Ctrl</kbd>+<kbd>Z</kbd>
            </td>
            <td>Undo the last answer, suspend or bury</td>
          </tr>
          <tr>
            <td>
              <kbd>S</kbd> / <kbd>B</kbd>
            </td>
            <td>Suspend the card / bury it until tomorrow</td>
          </tr>
          <tr>
            <td>
              <kbd>E</kbd>
            </td>
            <td>
              On the answer: open the note the card came from; in a deck of your own, its editor, on the card’s line
            </td>
          </tr>
        </tbody>
      </table>
      <h2 id="notes">Your own notes</h2>
      <p>
        Under <a href="/decks">Your own decks</a> you create a deck (yours, or your team’s if you own the team), write
        notes in Markdown, upload <code>.md</code> files, a zipped folder (an Obsidian vault), Quizlet CSV/TSV or Anki
        packages, and export the deck to Anki with your history. A line <code>Question :: Answer</code> makes a card, as
        does <code>**Term**: definition</code>; the note editor’s preview shows the cards a note makes before you save.
        Editing a note keeps each card’s history; cards removed from a note are retired, not deleted.
      </p>
      <h2>Quizzes and exams</h2>
      <p>
        Answers in quizzes and mock exams count towards your schedule: a card you get wrong comes back sooner. See{' '}
        <a href="/exams">Exams</a>.
      </p>
      <table>
        <tbody>
          <tr>
            <td>
              <kbd>A</kbd> to <kbd>D</kbd> or <kbd>1</kbd> to <kbd>4</kbd>
            </td>
            <td>Choose an option</td>
          </tr>
          <tr>
            <td>
              <kbd>F</kbd>
            </td>
            <td>Flag an exam question for review</td>
          </tr>
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>Leave a text field, so the letter keys work as shortcuts again</td>
          </tr>
        </tbody>
      </table>
      <h2>For teams and programs</h2>
      <p>
        The <a href="/api/docs">API reference</a> describes every endpoint. Create a token for a script under{' '}
        <a href="/account">your account</a>.
      </p>
    </section>
  )
}
