package org.paperboy.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperboy.PaperboyException;

/**
 * The tokenizer of bge-small-en-v1.5 (BERT uncased WordPiece), in plain Java. It follows the
 * Hugging Face {@code tokenizers} pipeline that the model's tokenizer.json describes
 * (BertNormalizer, BertPreTokenizer, WordPiece, [CLS] ... [SEP]) and gives the same ids; our own
 * copy needs no native library, and it stops as soon as the model's token limit is reached, so a
 * megabyte of text costs no more than a page. Immutable and thread-safe.
 */
final class WordPieceTokenizer {
  private static final int MAX_CHARS_PER_WORD = 100;

  private final Map<String, Integer> vocab;

  /** Added tokens such as [MASK]: matched in the raw text, before any normalisation. */
  private final Map<String, Integer> specials;

  private final int unk;
  private final int cls;
  private final int sep;

  WordPieceTokenizer(Map<String, Integer> vocab, Map<String, Integer> specials) {
    this.vocab = Map.copyOf(vocab);
    this.specials = Map.copyOf(specials);
    this.unk = idOf("[UNK]");
    this.cls = idOf("[CLS]");
    this.sep = idOf("[SEP]");
  }

  /** Reads the vocabulary and added tokens of a Hugging Face tokenizer.json. */
  static WordPieceTokenizer fromTokenizerJson(InputStream json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      JsonNode model = root.path("model");
      if (!"WordPiece".equals(model.path("type").asText())) {
        throw new PaperboyException(
            "tokenizer.json: expected a WordPiece model, found '"
                + model.path("type").asText()
                + "'");
      }
      Map<String, Integer> vocab = new HashMap<>();
      model.path("vocab").properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
      Map<String, Integer> specials = new LinkedHashMap<>();
      root.path("added_tokens")
          .forEach(t -> specials.put(t.path("content").asText(), t.path("id").asInt()));
      return new WordPieceTokenizer(vocab, specials);
    } catch (IOException e) {
      throw new PaperboyException("cannot read the tokenizer: " + e.getMessage(), e);
    }
  }

  /** Token ids with [CLS] first and [SEP] last, at most {@code maxTokens} of them in all. */
  int[] encode(String text, int maxTokens) {
    if (maxTokens < 2) {
      throw new IllegalArgumentException(
          "maxTokens must leave room for [CLS] and [SEP]: " + maxTokens);
    }
    Ids ids = new Ids(maxTokens - 1);
    ids.add(cls);
    int segmentStart = 0;
    for (int i = text.indexOf('['); i >= 0 && !ids.full(); i = text.indexOf('[', i + 1)) {
      String special = specialAt(text, i);
      if (special != null) {
        addWords(text.substring(segmentStart, i), ids);
        ids.add(specials.get(special));
        segmentStart = i + special.length();
        i = segmentStart - 1;
      }
    }
    addWords(text.substring(Math.min(segmentStart, text.length())), ids);
    ids.forceAdd(sep);
    return ids.toArray();
  }

  private String specialAt(String text, int at) {
    for (String s : specials.keySet()) {
      if (text.startsWith(s, at)) {
        return s;
      }
    }
    return null;
  }

  /** Normalises a stretch of text and adds the word pieces of each of its words. */
  private void addWords(String raw, Ids ids) {
    String text = BertNormalizer.normalize(raw);
    int wordStart = -1;
    for (int i = 0; i < text.length() && !ids.full(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean space = BertNormalizer.isWhitespace(cp);
      boolean punct = BertNormalizer.isPunctuation(cp);
      if (space || punct) {
        if (wordStart >= 0) {
          addPieces(text.substring(wordStart, i), ids);
          wordStart = -1;
        }
        if (punct) {
          addPieces(text.substring(i, next), ids);
        }
      } else if (wordStart < 0) {
        wordStart = i;
      }
      i = next;
    }
    if (wordStart >= 0) {
      addPieces(text.substring(wordStart), ids);
    }
  }

  /** Greedy longest-match-first WordPiece; a word with an unknown part becomes one [UNK]. */
  private void addPieces(String word, Ids ids) {
    if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
      ids.add(unk);
      return;
    }
    int mark = ids.size();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer piece = null;
      while (start < end) {
        String sub = start == 0 ? word.substring(0, end) : "##" + word.substring(start, end);
        piece = vocab.get(sub);
        if (piece != null) {
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (piece == null) {
        ids.truncate(mark);
        ids.add(unk);
        return;
      }
      ids.add(piece);
      start = end;
    }
  }

  private int idOf(String token) {
    Integer id = specials.getOrDefault(token, vocab.get(token));
    if (id == null) {
      throw new PaperboyException("tokenizer.json: the vocabulary has no " + token + " token");
    }
    return id;
  }

  /** A growable int list that silently drops ids beyond its capacity (the truncation point). */
  private static final class Ids {
    private final int capacity;
    private int[] data = new int[64];
    private int size;

    Ids(int capacity) {
      this.capacity = capacity;
    }

    boolean full() {
      return size >= capacity;
    }

    int size() {
      return size;
    }

    void add(int id) {
      if (!full()) {
        forceAdd(id);
      }
    }

    void forceAdd(int id) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = id;
    }

    void truncate(int newSize) {
      size = newSize;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
