// The site's dates, in the zone of the story it is built from (story.yaml `timezone` of
// STORYLINE_CONTENT's config): pages and components format every date and time through these.
import { readConfig } from './config-files.ts';
import { parseStoryConfig } from '../lib/story-config.ts';
import { storyTime } from '../lib/story-time.ts';

const storyFile = readConfig('story.yaml');

/** The story's StoryTime, for the helpers in src/lib that take one. */
export const siteTime = storyTime(parseStoryConfig(storyFile.text, storyFile.file).timeZone);

export const { dayKey, formatDay, formatDayWithWeekday, formatShortDay, formatTime, formatDateTime } = siteTime;
