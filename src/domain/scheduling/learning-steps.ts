import {
  BasicLearningStepsStrategy,
  ConvertStepUnitToMinutes,
  Rating,
  State,
  type TLearningStepsStrategy,
} from 'ts-fsrs'

const DAY = 1440

/** Anki rounds a delay of more than a day to whole days (`maybe_round_in_days`). */
const roundInDays = (minutes: number) => (minutes > DAY ? Math.round(minutes / DAY) * DAY : minutes)

/**
 * ts-fsrs's learning steps with Anki's Hard: on the first step, the average of the first two
 * steps (1.5 times a lone step, at most a day more); on any later step, the current step again.
 * ts-fsrs 5.4.2 gives every step the first step's Hard, so Hard on the 10m step of `1m 10m`
 * came back in 6 minutes instead of 10.
 * @see https://github.com/ankitects/anki/blob/main/rslib/src/scheduler/states/steps.rs (`hard_delay_secs`)
 */
export const ankiLearningSteps: TLearningStepsStrategy = (params, state, currentStep) => {
  // A fresh object on each call (ts-fsrs 5.4.2), so its Hard entry may be changed in place.
  const result = BasicLearningStepsStrategy(params, state, currentStep)
  const hard = result[Rating.Hard]
  if (state === State.Review || !hard) return result
  const steps = (state === State.Relearning ? params.relearning_steps : params.learning_steps).map(
    ConvertStepUnitToMinutes,
  )
  const [first = 0, second] = steps
  hard.scheduled_minutes =
    currentStep > 0
      ? (steps[Math.min(currentStep, steps.length - 1)] ?? first)
      : second === undefined
        ? Math.min(Math.round(first * 1.5), first + DAY)
        : roundInDays(Math.round((first + second) / 2))
  return result
}
