import { describe, expect, it } from 'vitest';
import { detectSpeakerTurns, formatTimestamp, isInterviewerLabel, parseTimestamp } from '../../shared/text/speakers';

describe('speaker turns', () => {
  it('splits a transcript at labels that occur at least twice', () => {
    const text = 'Wawancara 1\nKupang, 14 Maret 2026\n\nPewawancara: Halo?\nRina: Halo juga.\nMasih Rina di baris kedua.\nPewawancara: Lalu?\nRina: Selesai.\nCatatan: sekali saja.';
    const turns = detectSpeakerTurns(text);
    expect(turns.map((t) => t.speaker)).toEqual(['Pewawancara', 'Rina', 'Pewawancara', 'Rina']);
    expect(text.slice(turns[1]!.start, turns[1]!.end)).toBe('Rina: Halo juga.\nMasih Rina di baris kedua.');
    expect(text.slice(turns[1]!.contentStart, turns[1]!.end)).toBe('Halo juga.\nMasih Rina di baris kedua.');
    // "Catatan:" occurs once, so it belongs to the last turn.
    expect(text.slice(turns[3]!.start, turns[3]!.end)).toBe('Rina: Selesai.\nCatatan: sekali saja.');
  });

  it('reads bold labels and time stamps before the label', () => {
    const text = '**Interviewer:** Hi\n**Kevin:** Hello\n[00:01:05] Interviewer: And?\n[1:02:03.5] Kevin: Done';
    const turns = detectSpeakerTurns(text);
    expect(turns.map((t) => [t.speaker, t.timeMs])).toEqual([
      ['Interviewer', null],
      ['Kevin', null],
      ['Interviewer', 65_000],
      ['Kevin', 3_723_500],
    ]);
    expect(text.slice(turns[1]!.contentStart, turns[1]!.end)).toBe('Hello');
  });

  it('does not take times, URLs or long sentences for labels', () => {
    const text = '10:30 kami mulai\n10:45 selesai\nhttps://example.com\nhttps://example.org\nThis is a long sentence that ends with a colon: yes\nThis is a long sentence that ends with a colon: yes';
    expect(detectSpeakerTurns(text)).toEqual([]);
  });

  it('recognises interviewer labels in both languages, ignoring case', () => {
    expect(isInterviewerLabel('pewawancara')).toBe(true);
    expect(isInterviewerLabel('Q')).toBe(true);
    expect(isInterviewerLabel('Rina')).toBe(false);
    expect(isInterviewerLabel('Pewawancara 2')).toBe(true);
    expect(isInterviewerLabel('Interviewer (Ana)')).toBe(true);
    expect(isInterviewerLabel('I Made')).toBe(false);
    expect(isInterviewerLabel('Peneliti')).toBe(true);
  });

  it('parses and formats time stamps', () => {
    expect(parseTimestamp('00:00:01,250')).toBe(1250);
    expect(parseTimestamp('02:03')).toBe(123_000);
    expect(formatTimestamp(3_723_500)).toBe('01:02:03');
  });
});
