export interface TopicChoiceProps {
  topics: { slug: string; title: string; cardCount: number }[]
  checked: string[]
  invalid?: 'true' | undefined
}

/** Topic checkboxes for starting an exam or a quiz; none ticked means every topic. */
export function TopicChoice(props: TopicChoiceProps) {
  return (
    <fieldset class="topic-choice" aria-invalid={props.invalid} aria-describedby="topics-hint">
      <legend>Topics</legend>
      <p id="topics-hint" class="muted">
        Leave all unticked to be asked about every topic.
      </p>
      {props.topics.map((topic) => (
        <label class="check">
          <input type="checkbox" name="topics" value={topic.slug} checked={props.checked.includes(topic.slug)} />{' '}
          {topic.title} <span class="muted">({topic.cardCount} cards)</span>
        </label>
      ))}
    </fieldset>
  )
}
