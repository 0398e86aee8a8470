/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

#include "config.h"

#include <string.h>

#include "pn-draft-private.h"

/* ---- paragraphs ---- */

static void
para_free (PnDraftPara *para)
{
  if (para == NULL)
    return;
  g_free (para->text);
  g_free (para->where);
  g_clear_pointer (&para->cells, g_ptr_array_unref);
  g_free (para);
}

static PnDraftPara *
para_new (const char *text,
          GPtrArray  *cells,
          gboolean    soft)
{
  PnDraftPara *para = g_new0 (PnDraftPara, 1);

  if (cells != NULL)
    {
      GString *joined = g_string_new (NULL);

      para->cells = g_ptr_array_ref (cells);
      for (guint i = 0; i < cells->len; i++)
        {
          if (i > 0)
            g_string_append_c (joined, '\t');
          g_string_append (joined, g_ptr_array_index (cells, i));
        }
      para->text = g_string_free (joined, FALSE);
    }
  else
    para->text = g_strdup (text);
  para->soft = soft;
  return para;
}

static void
string_free (GString *string)
{
  g_string_free (string, TRUE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!pn_draft_is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

typedef enum
{
  LEVEL_ZHANG,     /* 第一章, 第一部分 */
  LEVEL_JIE,       /* 第一节 */
  LEVEL_TIAO,      /* 第一条 */
  LEVEL_CN,        /* 一、 */
  LEVEL_PCN,       /* （一） */
  LEVEL_AR,        /* 1. 1、 1． */
  LEVEL_PAR,       /* （1） */
  N_LEVELS,
  LEVEL_NONE = N_LEVELS,
} Level;

typedef struct
{
  Level     level;
  int       n;
  gboolean  weak;       /* "二十五）" without its opening parenthesis */
  gsize     rest;       /* byte offset of the text after the marker */
} Marker;

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && pn_draft_is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static gboolean
eat (const char **p,
     const char  *word)
{
  if (!g_str_has_prefix (*p, word))
    return FALSE;
  *p += strlen (word);
  return TRUE;
}

static gboolean
eat_open (const char **p)
{
  return eat (p, "（") || eat (p, "(");
}

static gboolean
eat_close (const char **p)
{
  return eat (p, "）") || eat (p, ")");
}

static int
eat_cn_number (const char **p)
{
  gsize len = pn_draft_cn_number_len (*p);
  int n;

  if (len == 0)
    return -1;
  n = pn_draft_cn_number (*p, len);
  if (n > 0)
    *p += len;
  return n;
}

static int
eat_arabic (const char **p,
            guint        max_digits)
{
  int n = 0;
  guint digits = 0;

  while (g_ascii_isdigit (**p) && digits < max_digits + 1)
    {
      n = n * 10 + (**p - '0');
      (*p)++;
      digits++;
    }

  return digits == 0 || digits > max_digits ? -1 : n;
}

/* "二、三类" "一、二级" "三、四期": an enumeration, not a heading; the
 * number after the "、" follows the marker's `n` ("一、三类新药…" is the
 * heading of item 一 about class 3 drugs).  Arabic digits after a Chinese
 * numeral's "、" start the heading's text ("一、1类创新药…", "二、2026年
 * 起…"): no enumeration mixes the two. */
static gboolean
enumerates_next (const char *p,
                 int         n)
{
  const char *q = p;
  int next;

  if (g_ascii_isdigit (*q))
    {
      while (g_ascii_isdigit (*q))
        q++;
      return g_str_has_prefix (q, "、");
    }
  next = eat_cn_number (&q);
  if (next <= 0)
    return FALSE;
  if (g_str_has_prefix (q, "、"))
    return TRUE;
  return next == n + 1 &&
         (g_str_has_prefix (q, "类") || g_str_has_prefix (q, "级") ||
          g_str_has_prefix (q, "期") || g_str_has_prefix (q, "等") || g_str_has_prefix (q, "是") ||
          g_str_has_prefix (q, "个") || g_str_has_prefix (q, "年"));
}

static gboolean
detect_marker (const char *text,
               Marker     *m)
{
  const char *start = skip_spaces (text);
  const char *p = start;
  int n;

  m->weak = FALSE;

  if (eat (&p, "第"))
    {
      p = skip_spaces (p);
      n = g_ascii_isdigit (*p) ? eat_arabic (&p, 3) : eat_cn_number (&p);
      if (n <= 0)
        return FALSE;
      p = skip_spaces (p);
      if (eat (&p, "章") || eat (&p, "部分"))
        m->level = LEVEL_ZHANG;
      else if (eat (&p, "节"))
        m->level = LEVEL_JIE;
      else if (eat (&p, "条"))
        m->level = LEVEL_TIAO;
      else
        return FALSE;
      m->n = n;
      m->rest = skip_spaces (p) - text;
      return TRUE;
    }

  if (eat_open (&p))
    {
      p = skip_spaces (p);
      if (g_ascii_isdigit (*p))
        {
          n = eat_arabic (&p, 2);
          m->level = LEVEL_PAR;
        }
      else
        {
          n = eat_cn_number (&p);
          m->level = LEVEL_PCN;
        }
      p = skip_spaces (p);
      if (n <= 0 || !eat_close (&p))
        return FALSE;
      m->n = n;
      m->rest = skip_spaces (p) - text;
      return TRUE;
    }

  if (g_ascii_isdigit (*p))
    {
      n = eat_arabic (&p, 2);
      if (n <= 0)
        return FALSE;
      if (!(eat (&p, ".") || eat (&p, "．") || eat (&p, "、")))
        return FALSE;
      /* 1.39万亿, 2.5% */
      if (g_ascii_isdigit (*p) || (g_utf8_get_char (p) >= 0xFF10 && g_utf8_get_char (p) <= 0xFF19))
        return FALSE;
      m->level = LEVEL_AR;
      m->n = n;
      m->rest = skip_spaces (p) - text;
      return TRUE;
    }

  n = eat_cn_number (&p);
  if (n > 0)
    {
      if (eat (&p, "、"))
        {
          if (enumerates_next (p, n))
            return FALSE;
          m->level = LEVEL_CN;
        }
      else if (eat (&p, "）") || eat (&p, ")"))
        {
          m->level = LEVEL_PCN;
          m->weak = TRUE;
        }
      else
        return FALSE;
      m->n = n;
      m->rest = skip_spaces (p) - text;
      return TRUE;
    }

  return FALSE;
}

static guint
filled_cells (GPtrArray *cells)
{
  guint n = 0;

  for (guint i = 0; i < cells->len; i++)
    if (!is_blank (g_ptr_array_index (cells, i)))
      n++;
  return n;
}

static gboolean
ends_sentence (const char *text)
{
  return g_str_has_suffix (text, "。") || g_str_has_suffix (text, "！") ||
         g_str_has_suffix (text, "？") || g_str_has_suffix (text, "：");
}

/* a signature, a date, a heading: a line that is not the end of a
 * sentence run on */
static gboolean
is_short_line (const char *line)
{
  return g_utf8_strlen (line, -1) <= 20 && !g_str_has_suffix (line, "。") &&
         !g_str_has_suffix (line, "；") && !g_str_has_suffix (line, "，");
}

/* Lines of a text that was laid out on a page: a paragraph runs over full
 * lines and ends on a shorter one. */
static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The width of a full line when the lines are wrapped paragraphs, else 0. */
static guint
tab_count (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\t';
  return n;
}

static guint
wrap_width (GPtrArray *lines)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (guint));
  guint w, n_full = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (line != NULL && !is_blank (line))
        {
          w = pn_draft_width (line);
          g_array_append_val (widths, w);
        }
    }

  if (widths->len < 4)
    return 0;

  g_array_sort (widths, compare_uint);
  w = g_array_index (widths, guint, (widths->len * 9) / 10);
  if (w > 140 || w < 24)
    return 0;

  for (guint i = 0; i < widths->len; i++)
    if (g_array_index (widths, guint, i) * 100 >= w * 85)
      n_full++;

  return n_full >= 2 && n_full * 10 >= widths->len * 3 ? w : 0;
}

GPtrArray *
pn_draft_paragraphs (PnDraftExtract *extract)
{
  GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();   /* const char *, NULL for a row */
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint width;
  GString *cur = NULL;
  gboolean prev_full = FALSE;
  gboolean cur_soft = FALSE;

  if (!extract->lines)
    {
      for (guint i = 0; i < extract->items->len; i++)
        {
          PnDraftItem *item = g_ptr_array_index (extract->items, i);

          if (item->cells != NULL && filled_cells (item->cells) < 2)
            {
              /* a table of one column lays out text: its lines are text */
              for (guint c = 0; c < item->cells->len; c++)
                {
                  g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (item->cells, c), "\n", -1);

                  for (guint l = 0; lines[l] != NULL; l++)
                    if (!is_blank (lines[l]))
                      g_ptr_array_add (paras, para_new (pn_draft_strip (lines[l]), NULL, FALSE));
                }
            }
          else if (item->cells != NULL)
            g_ptr_array_add (paras, para_new (NULL, item->cells, FALSE));
          else if (!is_blank (item->text))
            g_ptr_array_add (paras, para_new (pn_draft_strip (item->text), NULL, FALSE));
        }
      goto number;
    }

  /* Table rows as some extractions write them: each cell on a line of its
   * own that starts with a tab, a cell's further lines without one, rows
   * apart by blank lines.  A "row" of one cell is plain text. */
  for (guint i = 0; i < extract->items->len;)
    {
      PnDraftItem *item = g_ptr_array_index (extract->items, i);
      g_autoptr(GPtrArray) cells = NULL;
      guint j;

      if (item->cells != NULL)
        {
          g_ptr_array_add (rows, g_ptr_array_ref (item->cells));
          g_ptr_array_add (lines, NULL);
          i++;
          continue;
        }

      /* or a row on one line, its cells apart by tabs (a table copied
       * from a word processor): "8\t建设专业园区\t加快建设…\t市工信局\t2026年6月" */
      if (item->text[0] != '\t' && tab_count (item->text) >= 2)
        {
          g_auto(GStrv) parts = g_strsplit (item->text, "\t", -1);

          cells = g_ptr_array_new_with_free_func (g_free);
          for (guint k = 0; parts[k] != NULL; k++)
            g_ptr_array_add (cells, pn_draft_strip (g_strdup (parts[k])));
          g_ptr_array_add (rows, g_steal_pointer (&cells));
          g_ptr_array_add (lines, NULL);
          i++;
          continue;
        }

      if (item->text[0] != '\t')
        {
          g_ptr_array_add (lines, item->text);
          i++;
          continue;
        }

      cells = g_ptr_array_new_with_free_func (g_free);
      for (j = i; j < extract->items->len; j++)
        {
          PnDraftItem *next = g_ptr_array_index (extract->items, j);

          if (next->cells != NULL || (next->text[0] != '\t' && is_blank (next->text)))
            break;
          if (next->text[0] == '\t')
            g_ptr_array_add (cells, pn_draft_strip (g_strdup (next->text)));
          else
            {
              char **last = (char **) &g_ptr_array_index (cells, cells->len - 1);
              g_autofree char *stripped = pn_draft_strip (g_strdup (next->text));
              char *joined = **last != '\0' ? g_strconcat (*last, "\n", stripped, NULL)
                                            : g_strdup (stripped);

              g_free (*last);
              *last = joined;
            }
        }

      if (cells->len >= 2)
        {
          g_ptr_array_add (rows, g_steal_pointer (&cells));
          g_ptr_array_add (lines, NULL);
        }
      else
        for (guint k = i; k < j; k++)
          g_ptr_array_add (lines, ((PnDraftItem *) g_ptr_array_index (extract->items, k))->text);
      i = j;
    }

  width = wrap_width (lines);

  for (guint i = 0, r = 0; i < lines->len; i++)
    {
      const char *raw = g_ptr_array_index (lines, i);
      g_autofree char *line = NULL;
      Marker marker;
      gboolean full;

      if (raw == NULL)
        {
          if (cur != NULL)
            g_ptr_array_add (paras, para_new (cur->str, NULL, cur_soft));
          g_clear_pointer (&cur, string_free);
          g_ptr_array_add (paras, para_new (NULL, g_ptr_array_index (rows, r++), FALSE));
          prev_full = FALSE;
          continue;
        }

      line = pn_draft_strip (g_strdup (raw));
      if (*line == '\0')
        {
          /* a blank line ends a paragraph unless the lines are wrapped
           * ones, which some extractions space with blank lines */
          if (width == 0 && cur != NULL)
            {
              g_ptr_array_add (paras, para_new (cur->str, NULL, cur_soft));
              g_clear_pointer (&cur, string_free);
            }
          continue;
        }

      full = width > 0 && pn_draft_width (line) * 100 >= width * 85;

      /* a full line goes on in the next, unless that starts a numbered
       * item, or the full line ended a sentence and the next is a short
       * one of its own (a signature, a date) */
      if (cur != NULL && width > 0 && prev_full && !detect_marker (line, &marker) &&
          !(!full && ends_sentence (cur->str) && is_short_line (line)))
        g_string_append (cur, line);
      else
        {
          if (cur != NULL)
            g_ptr_array_add (paras, para_new (cur->str, NULL, cur_soft));
          g_clear_pointer (&cur, string_free);
          cur = g_string_new (line);
          cur_soft = width > 0 && prev_full;
        }

      if (width == 0)
        {
          g_ptr_array_add (paras, para_new (cur->str, NULL, FALSE));
          g_clear_pointer (&cur, string_free);
        }
      prev_full = full;
    }

  if (cur != NULL)
    g_ptr_array_add (paras, para_new (cur->str, NULL, cur_soft));
  g_clear_pointer (&cur, string_free);

number:
  for (guint i = 0; i < paras->len; i++)
    ((PnDraftPara *) g_ptr_array_index (paras, i))->index = i;
  return paras;
}

/* ---- articles ---- */

static void
article_free (PnDraftArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->number);
  g_free (article->chapter);
  g_free (article->heading);
  g_free (article->original);
  g_free (article->lead_units);
  g_free (article->cooperating_units);
  g_free (article->deadline);
  g_free (article);
}

void
pn_draft_structure_free (PnDraftStructure *structure)
{
  if (structure == NULL)
    return;
  g_clear_pointer (&structure->paras, g_ptr_array_unref);
  g_clear_pointer (&structure->articles, g_ptr_array_unref);
  g_clear_pointer (&structure->closing, g_ptr_array_unref);
  g_free (structure->style);
  g_free (structure);
}

static PnDraftPara *
para_at (GPtrArray *paras,
         guint      i)
{
  return g_ptr_array_index (paras, i);
}

/* the text, squashed, for comparisons */
static char *
squashed (const char *text)
{
  return pn_draft_normalize (text ? text : "", NULL);
}

static gboolean
contains_figure (const char *text)
{
  g_autofree char *s = squashed (text);

  for (const char *p = s; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) &&
        (g_str_has_prefix (p + 1, "万") || g_str_has_prefix (p + 1, "亿") ||
         g_str_has_prefix (p + 1, "%") || g_str_has_prefix (p + 1, "元")))
      return TRUE;

  return FALSE;
}

/* Splits the text after a marker into the measure's heading and the rest:
 * "支持创新药物研发。对自主研发…" → "支持创新药物研发" + "对自主研发…";
 * a short line without a sentence in it is all heading. */
static void
split_heading (const char  *rest,
               gboolean     whole_paragraph,
               char       **out_heading,
               char       **out_remainder)
{
  static const char * const not_headings[] = {
    "对", "凡", "经", "按", "根据", "为", "依据", "在", "由", "本", "各", NULL
  };
  glong len = g_utf8_strlen (rest, -1);
  const char *stop = NULL;
  glong stop_chars = 0;

  *out_heading = NULL;
  *out_remainder = NULL;

  if (*rest == '\0')
    return;

  for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p), stop_chars++)
    {
      /* not the ":" of a ratio, "按照1:0.5的比例" */
      if (g_str_has_prefix (p, "。") || g_str_has_prefix (p, "：") ||
          (g_str_has_prefix (p, ":") && !(p > rest && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))))
        {
          stop = p;
          break;
        }
      if (g_str_has_prefix (p, "；") || g_str_has_prefix (p, "！") || g_str_has_prefix (p, "？"))
        break;
    }

  if (stop == NULL && whole_paragraph && len <= 40 && !contains_figure (rest) &&
      !g_str_has_suffix (rest, "，"))
    {
      *out_heading = g_strdup (rest);
      return;
    }

  if (stop != NULL && stop_chars >= 2 && stop_chars <= 40)
    {
      g_autofree char *candidate = g_strndup (rest, stop - rest);

      if (!contains_figure (candidate) && !pn_draft_has_prefix_any (candidate, not_headings))
        {
          *out_heading = g_steal_pointer (&candidate);
          *out_remainder = pn_draft_strip (g_strdup (g_utf8_next_char (stop)));
          if (**out_remainder == '\0')
            g_clear_pointer (out_remainder, g_free);
          return;
        }
    }

  *out_remainder = g_strdup (rest);
}

/* A heading when the text gives none: its first clause, as written. */
static char *
first_clause (const char *text)
{
  GString *out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = text; *p != '\0' && n < 24; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == ',' || c == ';' ||
          c == '\n' || c == '\t')
        break;
      g_string_append_unichar (out, c);
    }

  if (n >= 24)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static const char * const closing_chapters[] = {
  "附则", "其他", "其它", "附件", "附录", "其他事项", "其它事项", NULL
};

static const char * const closing_prefixes[] = {
  "本措施", "本办法", "本规定", "本细则", "本意见", "本方案", "本政策", "本通知", "本条例",
  "本规划", "本清单", "本计划", "本若干措施", "本实施细则", "本文件", "本实施意见",
  "本实施方案", "本行动方案", "此前", "以上政策", "上述政策", NULL
};

static gboolean
is_org_line (const char *text)
{
  static const char * const endings[] = {
    "人民政府", "政府", "委员会", "办公室", "办公厅", "管委会", "委员会办公室", "局", "厅", "委",
    "部", "院", "中心", "协会", "小组", NULL
  };
  g_autofree char *s = squashed (text);

  if (g_utf8_strlen (s, -1) > 40 || strchr (s, '\n') != NULL)
    return FALSE;
  if (pn_draft_find_any (s, (const char * const[]) { "，", "。", "；", "：", NULL }) != NULL)
    return FALSE;
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (s, endings[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_date_line (const char *text)
{
  g_autofree char *s = squashed (text);
  const char *date = pn_draft_skip_date_label (s);
  gsize pos = 0;

  return pn_draft_parse_date (date, &pos, NULL) && date[pos] == '\0';
}

/* "附件", "附件1", "附件：" alone on its line */
static gboolean
is_annex_line (const char *text)
{
  g_autofree char *s = squashed (text);
  const char *p = s;

  if (!(eat (&p, "附件") || eat (&p, "附表")))
    return FALSE;
  while (*p != '\0' && (g_ascii_isdigit (*p) || pn_draft_cn_number_len (p) > 0))
    p += g_ascii_isdigit (*p) ? 1 : pn_draft_cn_number_len (p);
  return *p == '\0' || g_str_equal (p, "：") || g_str_equal (p, ":");
}

/* Lines that end the body: an annex, the distribution list, the printing
 * note, a signature. */
static gboolean
ends_body (const char *text)
{
  g_autofree char *s = squashed (text);
  const char *p = s;

  if (eat (&p, "附件") || eat (&p, "附表"))
    {
      while (*p != '\0' && (g_ascii_isdigit (*p) || pn_draft_cn_number_len (p) > 0))
        p += g_ascii_isdigit (*p) ? 1 : pn_draft_cn_number_len (p);
      if (*p == '\0' || g_str_has_prefix (p, "：") || g_str_has_prefix (p, ":"))
        return *p == '\0' || g_utf8_strlen (p, -1) <= 1;
    }

  if (g_str_has_prefix (s, "抄送") || g_str_has_prefix (s, "有关单位：") ||
      g_str_has_prefix (s, "市有关单位：") || g_str_has_prefix (s, "主送") ||
      g_str_has_prefix (s, "（此件主动公开）") || g_str_has_prefix (s, "(此件主动公开)") ||
      g_str_has_prefix (s, "（此件公开发布）") || g_str_has_prefix (s, "（此件不公开）"))
    return TRUE;

  if (g_str_has_suffix (s, "印发") && strstr (s, "年") != NULL && strstr (s, "月") != NULL &&
      g_utf8_strlen (s, -1) <= 60)
    return TRUE;

  return is_date_line (text);
}

typedef struct _Node Node;
struct _Node
{
  Level      level;
  int        n;
  guint      para;      /* the marker's paragraph */
  guint      end;       /* one past its own paragraphs */
  char      *rest;      /* the marker paragraph after the marker */
  Node      *parent;
  GPtrArray *children;  /* Node, not owned */
};

static void
node_free (Node *node)
{
  g_free (node->rest);
  g_ptr_array_unref (node->children);
  g_free (node);
}

typedef struct
{
  GPtrArray        *paras;
  PnDraftStructure *structure;
  GPtrArray        *nodes;      /* Node, owned, in text order */
} Segmenter;

/* The text of a node: its marker paragraph after the heading, then its own
 * paragraphs, verbatim, one per line. */
static void
node_text (Segmenter  *self,
           Node       *node,
           gboolean    with_descendants,
           char      **out_heading,
           char      **out_original)
{
  GString *text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *remainder = NULL;
  guint end = node->end;
  gboolean whole = node->para + 1 >= self->paras->len ||
                   !para_at (self->paras, node->para + 1)->soft;

  if (with_descendants)
    {
      /* up to the next node that is not a descendant */
      for (guint i = 0; i < self->nodes->len; i++)
        {
          Node *other = g_ptr_array_index (self->nodes, i);
          Node *up;

          if (other->para <= node->para)
            continue;
          for (up = other->parent; up != NULL && up != node; up = up->parent)
            ;
          if (up == NULL)
            {
              end = other->para;
              break;
            }
          end = other->end;
        }
      end = MIN (end, self->structure->body_end);
      end = MAX (end, node->end);
    }

  if (node->level == LEVEL_TIAO)
    {
      const char *rest = node->rest;
      const char *close = NULL;

      /* 第五条【研发补助】… or 第五条（研发补助）… */
      if (g_str_has_prefix (rest, "【"))
        close = strstr (rest, "】");
      else if (g_str_has_prefix (rest, "（") || g_str_has_prefix (rest, "("))
        close = pn_draft_find_any (rest, (const char * const[]) { "）", ")", NULL });
      if (close != NULL && g_utf8_strlen (rest, close - rest) <= 20)
        {
          const char *inner = g_utf8_next_char (rest);

          heading = g_strndup (inner, close - inner);
          remainder = pn_draft_strip (g_strdup (g_utf8_next_char (close)));
        }
      else
        remainder = g_strdup (rest);
    }
  else
    split_heading (node->rest, whole, &heading, &remainder);

  if (remainder != NULL && *remainder != '\0')
    g_string_append (text, remainder);

  for (guint i = node->para + 1; i < end; i++)
    {
      PnDraftPara *para = para_at (self->paras, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, para->text);
    }

  /* no heading of its own: the first line when it is a short one, else
   * the marker ("第五条") or the first clause */
  if (heading == NULL && remainder == NULL && node->para + 1 < end)
    {
      PnDraftPara *next = para_at (self->paras, node->para + 1);
      g_autofree char *h = NULL;
      g_autofree char *r = NULL;

      split_heading (next->text, TRUE, &h, &r);
      if (h != NULL && r == NULL)
        {
          char *nl = strchr (text->str, '\n');

          heading = g_steal_pointer (&h);
          g_string_erase (text, 0, nl != NULL ? (gssize) (nl - text->str + 1) : (gssize) text->len);
        }
    }

  if (heading == NULL)
    {
      if (node->level == LEVEL_TIAO)
        {
          const char *p = para_at (self->paras, node->para)->text;

          heading = pn_draft_strip (g_strndup (skip_spaces (p),
                                               (p + strlen (p)) - skip_spaces (p) -
                                               strlen (node->rest)));
        }
      else
        heading = first_clause (text->len > 0 ? text->str : node->rest);
    }

  *out_heading = pn_draft_strip (g_steal_pointer (&heading));
  *out_original = g_string_free (text, FALSE);
}

static char *
chapter_label (Segmenter *self,
               Node      *node)
{
  const char *text = skip_spaces (para_at (self->paras, node->para)->text);
  g_autofree char *heading = NULL;
  g_autofree char *remainder = NULL;
  g_autofree char *marker = g_strndup (text, strlen (text) - strlen (node->rest));

  split_heading (node->rest, TRUE, &heading, &remainder);
  /* as written when the line is the heading alone: "第一章　总　则" */
  if (heading != NULL && remainder == NULL)
    return pn_draft_strip (g_strdup (text));
  if (heading == NULL)
    heading = first_clause (node->rest);
  return g_strconcat (pn_draft_strip (marker), node->level == LEVEL_ZHANG && *heading ? " " : "",
                      heading, NULL);
}

static void
add_article (Segmenter  *self,
             Node       *node,
             const char *number,
             const char *chapter,
             gboolean    with_descendants)
{
  PnDraftArticle *article = g_new0 (PnDraftArticle, 1);

  node_text (self, node, with_descendants, &article->heading, &article->original);
  article->number = g_strdup (number);
  article->chapter = g_strdup (chapter);
  article->first_para = node->para;
  article->last_para = node->end > node->para ? node->end - 1 : node->para;
  if (with_descendants)
    for (guint i = node->para + 1; i < self->structure->body_end; i++)
      {
        gboolean descendant = FALSE;

        for (guint k = 0; k < self->nodes->len; k++)
          {
            Node *other = g_ptr_array_index (self->nodes, k);

            if (other->para == i)
              {
                Node *up;

                for (up = other->parent; up != NULL && up != node; up = up->parent)
                  ;
                descendant = up != NULL;
                goto found;
              }
          }
        descendant = TRUE;
found:
        if (!descendant)
          break;
        article->last_para = i;
      }

  for (guint i = article->first_para; i <= article->last_para && i < self->paras->len; i++)
    {
      PnDraftPara *para = para_at (self->paras, i);

      g_free (para->where);
      para->where = g_strdup (number);
    }

  g_ptr_array_add (self->structure->articles, article);
}

/* The units of "（责任单位：A、B，配合单位：C）" on a line of its own at the end of
 * `text`: the lead and cooperating lists, or FALSE. */
static gboolean
closing_units (const char  *text,
               char       **out_lead,
               char       **out_cooperating)
{
  static const char * const lead_words[] = { "责任单位", "牵头单位", NULL };
  const char *line = text != NULL ? strrchr (text, '\n') : NULL;
  g_autofree char *inner = NULL;
  const char *open, *close, *coop;
  gsize len;

  if (line == NULL)
    return FALSE;
  line++;
  while (*line != '\0' && pn_draft_is_space (g_utf8_get_char (line)))
    line = g_utf8_next_char (line);
  /* "责任单位：新区科技创新局\n配合单位：新区财政局", lines of their own
   * without brackets */
  if (pn_draft_has_prefix_any (line, lead_words) ||
      pn_draft_has_prefix_any (line, (const char * const[]) { "配合单位", NULL }))
    {
      gboolean cooperating_line = g_str_has_prefix (line, "配合单位");
      const char *lead_line = line;
      const char *colon;

      if (cooperating_line)
        {
          /* the lead units on the line before */
          const char *end = line - 1;
          const char *start = end;

          while (start > text && start[-1] != '\n')
            start--;
          while (*start != '\0' && start < end && pn_draft_is_space (g_utf8_get_char (start)))
            start = g_utf8_next_char (start);
          if (start >= end || !pn_draft_has_prefix_any (start, lead_words))
            return FALSE;
          lead_line = start;
          colon = pn_draft_find_any (line, (const char * const[]) { "：", ":", NULL });
          *out_cooperating = colon != NULL ? pn_draft_strip (g_strdup (g_utf8_next_char (colon))) : NULL;
          colon = pn_draft_find_any (lead_line, (const char * const[]) { "：", ":", NULL });
          if (colon == NULL || colon > end)
            {
              g_clear_pointer (out_cooperating, g_free);
              return FALSE;
            }
          *out_lead = pn_draft_strip (g_strndup (g_utf8_next_char (colon), end - g_utf8_next_char (colon)));
          return TRUE;
        }
      colon = pn_draft_find_any (lead_line, (const char * const[]) { "：", ":", NULL });
      if (colon == NULL)
        return FALSE;
      inner = pn_draft_strip (g_strdup (g_utf8_next_char (colon)));
      coop = strstr (inner, "配合单位");
      *out_lead = coop != NULL ? g_strndup (inner, coop - inner) : g_strdup (inner);
      *out_cooperating = NULL;
      if (coop != NULL)
        {
          coop += strlen ("配合单位");
          if (g_str_has_prefix (coop, "："))
            coop += strlen ("：");
          *out_cooperating = g_strdup (coop);
        }
      return TRUE;
    }
  if (g_str_has_prefix (line, "（"))
    open = line + strlen ("（");
  else if (*line == '(')
    open = line + 1;
  else
    return FALSE;
  if (!pn_draft_has_prefix_any (open, lead_words))
    return FALSE;
  len = strlen (open);
  close = len >= strlen ("）") && g_str_has_suffix (open, "）") ? open + len - strlen ("）") :
          len > 0 && open[len - 1] == ')' ? open + len - 1 : NULL;
  if (close == NULL)
    return FALSE;

  inner = g_strndup (open, close - open);
  open = strstr (inner, "：") ? strstr (inner, "：") + strlen ("：") : strchr (inner, ':');
  if (open == NULL)
    return FALSE;
  if (*open == ':')
    open++;
  coop = strstr (open, "配合单位");
  *out_lead = coop != NULL ? g_strndup (open, coop - open) : g_strdup (open);
  *out_cooperating = NULL;
  if (coop != NULL)
    {
      coop += strlen ("配合单位");
      if (g_str_has_prefix (coop, "："))
        coop += strlen ("：");
      else if (*coop == ':')
        coop++;
      *out_cooperating = g_strdup (coop);
    }
  return TRUE;
}

static void
emit_item (Segmenter  *self,
           Node       *node,
           const char *number,
           const char *chapter)
{
  if (node->children->len > 0)
    {
      g_autofree char *heading = NULL;
      g_autofree char *original = NULL;
      guint first = self->structure->articles->len;

      /* its own text before the first sub-item, when there is any */
      node_text (self, node, FALSE, &heading, &original);
      if (original != NULL && *original != '\0')
        add_article (self, node, number, chapter, FALSE);

      for (guint i = 0; i < node->children->len; i++)
        {
          Node *child = g_ptr_array_index (node->children, i);
          g_autofree char *child_number = g_strdup_printf ("%s.%d", number, child->n);

          emit_item (self, child, child_number, chapter);
        }

      /* "（一）…1.…2.…3.…\n（责任单位：市科技局、市工信局）": the units close the
       * item, after its last sub-item, and are every sub-item's */
      if (self->structure->articles->len > first + 1)
        {
          PnDraftArticle *last = g_ptr_array_index (self->structure->articles,
                                                    self->structure->articles->len - 1);
          g_autofree char *lead = NULL;
          g_autofree char *cooperating = NULL;

          if (closing_units (last->original, &lead, &cooperating))
            for (guint i = first; i + 1 < self->structure->articles->len; i++)
              {
                PnDraftArticle *article = g_ptr_array_index (self->structure->articles, i);

                if (article->lead_units != NULL || article->cooperating_units != NULL ||
                    (article->original != NULL && (strstr (article->original, "责任单位") != NULL ||
                                                   strstr (article->original, "牵头单位") != NULL)))
                  continue;
                article->lead_units = g_strdup (lead);
                article->cooperating_units = g_strdup (cooperating);
              }
        }
    }
  else
    add_article (self, node, number, chapter, FALSE);
}

static gboolean
is_closing_chapter (Node *node)
{
  g_autofree char *heading = NULL;
  g_autofree char *remainder = NULL;

  /* "五、附则"; a flat list's "四、本措施自…起实施" */
  if (pn_draft_has_prefix_any (node->rest, closing_prefixes))
    return TRUE;
  split_heading (node->rest, TRUE, &heading, &remainder);
  return heading != NULL && g_strv_contains (closing_chapters, heading);
}

static void
mark_chapter_paras (Segmenter  *self,
                    Node       *node,
                    const char *label)
{
  for (guint i = node->para; i < node->end; i++)
    {
      PnDraftPara *para = para_at (self->paras, i);

      if (para->where == NULL)
        para->where = g_strdup (label);
      g_ptr_array_add (self->structure->closing, para);
    }
}

static gboolean
is_numbered_cell (const char *cell)
{
  g_autofree char *s = squashed (cell);

  if (*s == '\0' || strlen (s) > 3)
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static int
find_column (GPtrArray          *header,
             const char * const *words,
             int                 not_this)
{
  for (guint w = 0; words[w] != NULL; w++)
    for (guint i = 0; i < header->len; i++)
      {
        g_autofree char *s = squashed (g_ptr_array_index (header, i));

        if ((int) i != not_this && strstr (s, words[w]) != NULL)
          return i;
      }

  return -1;
}

static const char *
cell_at (PnDraftPara *row,
         int          column)
{
  if (column < 0 || row->cells == NULL || (guint) column >= row->cells->len)
    return NULL;
  return g_ptr_array_index (row->cells, column);
}

static char *
join_lines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "\n", -1);
  g_autofree char *joined = g_strjoinv ("", parts);

  return pn_draft_strip (g_steal_pointer (&joined));
}

/* A task list: a header row with a 序号 column and a task column, then
 * rows numbered 1, 2, 3… */
static guint
segment_rows (Segmenter *self,
              gboolean   dry_run)
{
  static const char * const number_words[] = { "序号", "编号", NULL };
  static const char * const content_words[] = {
    "任务内容", "工作内容", "具体内容", "主要内容", "具体措施", "工作措施", "政策措施",
    "支持措施", "措施内容", "内容", "措施", "举措", "具体任务", "工作任务", "任务", NULL
  };
  static const char * const name_words[] = {
    "任务名称", "名称", "重点任务", "任务类别", "类别", "领域", "事项", "方向", "项目", NULL
  };
  static const char * const lead_words[] = {
    "责任单位", "牵头单位", "主责单位", "责任部门", "牵头部门", "主办单位", NULL
  };
  static const char * const coop_words[] = { "配合单位", "协同单位", "参与单位", "协办单位", NULL };
  static const char * const deadline_words[] = {
    "时限", "完成时间", "时间节点", "进度安排", "期限", "时间", NULL
  };
  guint n_rows = 0;

  for (guint h = 0; h < self->paras->len; h++)
    {
      PnDraftPara *header = para_at (self->paras, h);
      int c_number, c_content, c_name, c_lead, c_coop, c_deadline;
      g_autofree char *carried = NULL;
      guint rows_here = 0;

      if (header->cells == NULL)
        continue;
      c_number = find_column (header->cells, number_words, -1);
      c_content = find_column (header->cells, content_words, c_number);
      if (c_number < 0 || c_content < 0)
        continue;
      c_name = find_column (header->cells, name_words, c_content);
      if (c_name == c_number)
        c_name = -1;
      c_lead = find_column (header->cells, lead_words, -1);
      c_coop = find_column (header->cells, coop_words, c_lead);
      c_deadline = find_column (header->cells, deadline_words, -1);

      for (guint i = h + 1; i < self->paras->len; i++)
        {
          PnDraftPara *row = para_at (self->paras, i);
          const char *no = cell_at (row, c_number);
          PnDraftArticle *article;
          const char *name;

          if (row->cells == NULL)
            {
              /* the table ends at text that is not a row */
              if (rows_here > 0)
                break;
              continue;
            }
          if (no == NULL || !is_numbered_cell (no))
            continue;

          rows_here++;
          if (dry_run)
            continue;

          name = cell_at (row, c_name);
          if (name != NULL && !is_blank (name))
            {
              g_free (carried);
              carried = join_lines (name);
            }

          article = g_new0 (PnDraftArticle, 1);
          {
            g_autofree char *s = squashed (no);

            article->number = g_strdup_printf ("%d", atoi (s));
          }
          article->original = pn_draft_strip (g_strdup (cell_at (row, c_content) ?
                                                        cell_at (row, c_content) : ""));
          if (carried != NULL)
            {
              article->heading = g_strdup (carried);
              article->chapter = g_strdup (carried);
            }
          else
            article->heading = first_clause (article->original);
          article->lead_units = g_strdup (cell_at (row, c_lead));
          article->cooperating_units = g_strdup (cell_at (row, c_coop));
          article->deadline = cell_at (row, c_deadline) ? join_lines (cell_at (row, c_deadline)) : NULL;
          article->first_para = article->last_para = i;
          g_free (row->where);
          row->where = g_strdup (article->number);
          g_ptr_array_add (self->structure->articles, article);
        }

      n_rows += rows_here;
      if (rows_here > 0)
        {
          if (!dry_run)
            {
              self->structure->body_start = MIN (self->structure->body_start, h + 1);
              self->structure->body_end = self->paras->len;
            }
          h = h + rows_here;
        }
    }

  return n_rows;
}

/* Numbers must be unique: a numbering this reading got wrong (the same
 * number twice) falls back to 1, 2, 3… in the text's order, said in the
 * style. */
static void
renumber_if_repeated (PnDraftStructure *structure)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean repeated = FALSE;

  for (guint i = 0; i < structure->articles->len && !repeated; i++)
    {
      PnDraftArticle *article = g_ptr_array_index (structure->articles, i);

      repeated = !g_hash_table_add (seen, article->number);
    }
  if (!repeated)
    return;

  for (guint i = 0; i < structure->articles->len; i++)
    {
      PnDraftArticle *article = g_ptr_array_index (structure->articles, i);

      g_free (article->number);
      article->number = g_strdup_printf ("%u", i + 1);
      for (guint p = article->first_para; p <= article->last_para && p < structure->paras->len; p++)
        {
          PnDraftPara *para = g_ptr_array_index (structure->paras, p);

          g_free (para->where);
          para->where = g_strdup (article->number);
        }
    }
  {
    char *style = g_strconcat (structure->style ? structure->style : "", "，编号重复，按顺序重编", NULL);

    g_free (structure->style);
    structure->style = style;
  }
}

PnDraftStructure *
pn_draft_segment (GPtrArray *paras)
{
  PnDraftStructure *structure = g_new0 (PnDraftStructure, 1);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  Segmenter self = { paras, structure, nodes };
  int last[N_LEVELS] = { 0 };
  gboolean restart_ok[N_LEVELS] = { FALSE };
  guint count[N_LEVELS] = { 0 };
  Level top = LEVEL_NONE;
  guint table_rows, table_cjk = 0, total_cjk = 0;
  gboolean continuous = FALSE;

  structure->paras = g_ptr_array_ref (paras);
  structure->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  structure->closing = g_ptr_array_new ();
  structure->body_start = paras->len;
  structure->body_end = paras->len;

  for (guint i = 0; i < paras->len; i++)
    total_cjk += pn_draft_count_cjk (para_at (paras, i)->text);

  /* 1. the numbered markers that follow one another, from `from` on.  A
   * notice may number its own few points and hand out the real text as an
   * annex after "附件": when the part after the annex line holds more text
   * than the part before, it is read instead. */
  for (guint from = 0, attempt = 0; ; attempt++)
    {
      guint annex = 0;
      gboolean at_annex = FALSE;

      for (guint i = from; i < paras->len; i++)
        {
          PnDraftPara *para = para_at (paras, i);
          Marker m;
          int expected;
          gboolean ok;
          Node *node;

          if (para->cells != NULL)
            continue;

          if (nodes->len > 0 && ends_body (para->text))
            {
              structure->body_end = i;
              at_annex = is_annex_line (para->text);
              annex = i + 1;
              /* a signature line before the date belongs to the end too */
              if (is_date_line (para->text) && i > 0 && is_org_line (para_at (paras, i - 1)->text) &&
                  ((Node *) g_ptr_array_index (nodes, nodes->len - 1))->para < i - 1)
                structure->body_end = i - 1;
              break;
            }

          if (!detect_marker (para->text, &m))
            continue;

          expected = last[m.level] + 1;
          ok = m.n == expected ||
               (m.n == 1 && !m.weak && (last[m.level] == 0 || restart_ok[m.level]));
          if (!ok && !m.weak && !para->soft && last[m.level] > 0 &&
              (m.level == LEVEL_ZHANG || m.level == LEVEL_TIAO || m.level == LEVEL_PCN) &&
              m.n > expected && m.n <= expected + 2)
            ok = TRUE;   /* a marker the extraction lost */
          if (m.weak && m.n != expected)
            ok = FALSE;
          /* "第五条规定的…" cites an article, it does not start one */
          if (m.level == LEVEL_TIAO &&
              pn_draft_has_prefix_any (para->text + m.rest,
                                       (const char * const[]) { "规定", "的规定", "所称", "所列", "第", NULL }))
            ok = FALSE;
          if (!ok)
            continue;

          /* the top level starting again at 1 with nothing above: an annex */
          if (m.n == 1 && last[m.level] >= 2 && !restart_ok[m.level] && top != LEVEL_NONE &&
              m.level <= top)
            {
              structure->body_end = i;
              at_annex = TRUE;
              annex = i;
              break;
            }

          last[m.level] = m.n;
          restart_ok[m.level] = FALSE;
          for (int d = m.level + 1; d < N_LEVELS; d++)
            restart_ok[d] = TRUE;
          count[m.level]++;
          if (top == LEVEL_NONE || m.level < top)
            top = m.level;

          node = g_new0 (Node, 1);
          node->level = m.level;
          node->n = m.n;
          node->para = i;
          node->rest = g_strdup (para->text + m.rest);
          node->children = g_ptr_array_new ();
          g_ptr_array_add (nodes, node);
        }

      /* stopped at a signature or a distribution list: an annex may follow */
      if (!at_annex && annex > 0)
        for (guint j = annex; j < paras->len && !at_annex; j++)
          if (is_annex_line (para_at (paras, j)->text))
            {
              at_annex = TRUE;
              annex = j + 1;
            }

      if (at_annex && attempt < 2 && nodes->len > 0)
        {
          guint before = 0, after = 0;

          for (guint i = ((Node *) g_ptr_array_index (nodes, 0))->para; i < annex; i++)
            before += pn_draft_count_cjk (para_at (paras, i)->text);
          for (guint i = annex; i < paras->len; i++)
            after += pn_draft_count_cjk (para_at (paras, i)->text);
          if (after * 2 > before * 3)
            {
              g_ptr_array_set_size (nodes, 0);
              memset (last, 0, sizeof last);
              memset (restart_ok, 0, sizeof restart_ok);
              memset (count, 0, sizeof count);
              top = LEVEL_NONE;
              structure->body_end = paras->len;
              structure->annex = annex;
              from = annex;
              continue;
            }
        }
      break;
    }

  for (guint i = 0; i < paras->len; i++)
    if (para_at (paras, i)->cells != NULL)
      table_cjk += pn_draft_count_cjk (para_at (paras, i)->text);

  /* 2. which reading: 第N条, a task table, or 一、（一）1.（1） */
  table_rows = segment_rows (&self, TRUE);
  if (count[LEVEL_TIAO] < 2 && table_rows >= 2 &&
      (nodes->len < 3 || table_cjk * 10 >= total_cjk * 7))
    {
      structure->body_start = paras->len;
      segment_rows (&self, FALSE);
      structure->style = g_strdup ("序号");
      return structure;
    }

  if (nodes->len == 0)
    return structure;

  /* the end of the body bounds every node's text */
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      Node *next = i + 1 < nodes->len ? g_ptr_array_index (nodes, i + 1) : NULL;

      node->end = next != NULL ? next->para : structure->body_end;
    }
  structure->body_start = ((Node *) g_ptr_array_index (nodes, 0))->para;

  if (count[LEVEL_TIAO] >= 2)
    {
      g_autofree char *chapter = NULL;

      /* Articles are the 第N条; what they enumerate stays in their text.
       * 第N章 (and a short 一、 line right before a 第N条) are chapters. */
      structure->style = g_strdup ("第N条");
      for (guint i = 0; i < nodes->len; i++)
        {
          Node *node = g_ptr_array_index (nodes, i);
          g_autofree char *number = NULL;

          if (node->level == LEVEL_ZHANG || node->level == LEVEL_JIE ||
              (node->level == LEVEL_CN && i + 1 < nodes->len &&
               ((Node *) g_ptr_array_index (nodes, i + 1))->level == LEVEL_TIAO &&
               ((Node *) g_ptr_array_index (nodes, i + 1))->para == node->para + 1 &&
               g_utf8_strlen (node->rest, -1) <= 20))
            {
              g_free (chapter);
              chapter = chapter_label (&self, node);
              continue;
            }
          if (node->level != LEVEL_TIAO)
            continue;

          /* its text runs to the next 第N条 or chapter */
          for (guint j = i + 1; j <= nodes->len; j++)
            {
              Node *next = j < nodes->len ? g_ptr_array_index (nodes, j) : NULL;

              if (next == NULL || next->level <= LEVEL_TIAO ||
                  (next->level == LEVEL_CN && j + 1 < nodes->len &&
                   ((Node *) g_ptr_array_index (nodes, j + 1))->level == LEVEL_TIAO &&
                   ((Node *) g_ptr_array_index (nodes, j + 1))->para == next->para + 1))
                {
                  node->end = next != NULL ? next->para : structure->body_end;
                  break;
                }
            }

          number = g_strdup_printf ("%d", node->n);
          add_article (&self, node, number, chapter, FALSE);
        }
      return structure;
    }

  /* 3. the tree of 一、（一）1.（1）: a node's parent is the nearest node of
   * a higher level before it; nodes above the first top-level one (a
   * stray "1." in a notice) are dropped. */
  {
    GPtrArray *stack = g_ptr_array_new ();
    gboolean seen_top = FALSE;

    for (guint i = 0; i < nodes->len; i++)
      {
        Node *node = g_ptr_array_index (nodes, i);

        if (node->level == LEVEL_TIAO || node->level == LEVEL_JIE)
          node->level = LEVEL_ZHANG;
        if (node->level == top)
          seen_top = TRUE;
        if (!seen_top)
          {
            node->n = -1;
            continue;
          }
        while (stack->len > 0 &&
               ((Node *) g_ptr_array_index (stack, stack->len - 1))->level >= node->level)
          g_ptr_array_set_size (stack, stack->len - 1);
        node->parent = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
        if (node->parent != NULL)
          g_ptr_array_add (node->parent->children, node);
        g_ptr_array_add (stack, node);
      }
    g_ptr_array_free (stack, TRUE);
  }

  /* items numbered on through the chapters (1…24) or again in each (1.1) */
  {
    gboolean first = TRUE;

    for (guint i = 0; i < nodes->len; i++)
      {
        Node *node = g_ptr_array_index (nodes, i);

        if (node->parent != NULL || node->n < 0 || node->children->len == 0)
          continue;
        if (!first && ((Node *) g_ptr_array_index (node->children, 0))->n > 1)
          continuous = TRUE;
        first = FALSE;
      }
  }

  {
    gboolean any_children = FALSE;
    GString *style = g_string_new (NULL);
    static const char * const level_styles[] = {
      "第一章", "第一节", "第一条", "一、", "（一）", "1.", "（1）"
    };

    for (guint i = 0; i < nodes->len; i++)
      {
        Node *node = g_ptr_array_index (nodes, i);

        if (node->parent == NULL && node->children->len > 0)
          any_children = TRUE;
      }
    for (int l = 0; l < N_LEVELS; l++)
      if (count[l] > 0)
        g_string_append (style, level_styles[l]);
    if (continuous)
      g_string_append (style, "，连续编号");
    structure->style = g_string_free (style, FALSE);

    for (guint i = 0; i < nodes->len; i++)
      {
        Node *node = g_ptr_array_index (nodes, i);
        g_autofree char *label = NULL;
        g_autofree char *number = NULL;

        if (node->parent != NULL || node->n < 0)
          continue;

        if (node->level == LEVEL_ZHANG || any_children)
          label = chapter_label (&self, node);

        if (node->children->len > 0)
          {
            for (guint c = 0; c < node->children->len; c++)
              {
                Node *child = g_ptr_array_index (node->children, c);
                g_autofree char *child_number = continuous
                                                ? g_strdup_printf ("%d", child->n)
                                                : g_strdup_printf ("%d.%d", node->n, child->n);

                emit_item (&self, child, child_number, label);
              }
            continue;
          }

        /* a chapter with no items: closing words stay out; in a document
         * numbered on through its chapters it has no number to take */
        if (is_closing_chapter (node) || (any_children && continuous) ||
            node->level == LEVEL_ZHANG)
          {
            mark_chapter_paras (&self, node, label ? label : "");
            continue;
          }

        number = g_strdup_printf ("%d", node->n);
        emit_item (&self, node, number, any_children ? label : NULL);
      }
  }

  /* 4. closing sentences after the last measure ("本措施自…施行") */
  if (structure->articles->len > 0)
    {
      PnDraftArticle *article = g_ptr_array_index (structure->articles, structure->articles->len - 1);
      g_auto(GStrv) lines = g_strsplit (article->original, "\n", -1);
      guint keep = g_strv_length (lines);

      while (keep > 1 && pn_draft_has_prefix_any (lines[keep - 1], closing_prefixes))
        keep--;
      if (keep > 0 && keep < g_strv_length (lines))
        {
          guint dropped = g_strv_length (lines) - keep;

          /* every dropped line is freed here: g_strfreev stops at the
           * first NULL, so cutting the vector short would leak the rest */
          for (guint l = keep; lines[l] != NULL; l++)
            g_clear_pointer (&lines[l], g_free);
          g_free (article->original);
          article->original = g_strjoinv ("\n", lines);
          for (guint i = article->last_para + 1 - dropped; i <= article->last_para; i++)
            {
              PnDraftPara *para = para_at (paras, i);

              g_clear_pointer (&para->where, g_free);
              g_ptr_array_add (structure->closing, para);
            }
          article->last_para -= dropped;
        }
    }

  for (guint i = structure->body_end; i < paras->len; i++)
    g_ptr_array_add (structure->closing, para_at (paras, i));

  renumber_if_repeated (structure);
  return structure;
}
