// The verify picture, drawn with image.h (OpenCV stays in its one file): three square panels
// coloured entry by entry, ticked colour bars, and lines of text. The victim's and suspect's
// matrices share a viridis scale from 0 to the larger of their maxima (rounded up to a quarter);
// the difference has its own map (inferno: dark is calm) on the fixed scale 0..kDifferenceTop.
#include "sacjc/heatmap.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sacjc/matrix_order.h"

namespace sacjc {
namespace {

using ColourMap = std::array<std::array<float, 3>, 9>;  // sampled at 0, 1/8, ..., 1

constexpr ColourMap kViridis = {{{68, 1, 84},
                                 {71, 44, 122},
                                 {59, 81, 139},
                                 {44, 113, 142},
                                 {33, 144, 141},
                                 {39, 173, 129},
                                 {92, 200, 99},
                                 {170, 220, 50},
                                 {253, 231, 37}}};
constexpr ColourMap kInferno = {{{0, 0, 4},
                                 {31, 12, 72},
                                 {85, 15, 109},
                                 {136, 34, 106},
                                 {186, 54, 85},
                                 {227, 89, 51},
                                 {249, 140, 10},
                                 {249, 201, 50},
                                 {252, 255, 164}}};

constexpr Color kWhite{255, 255, 255}, kBlack{0, 0, 0}, kGrey{90, 90, 90}, kRed{200, 30, 30}, kGreen{20, 130, 50};
constexpr int kMargin = 24, kGap = 24, kBarWidth = 14, kBarRoom = 90;  // kBarRoom: bar, ticks and labels
constexpr int kPanelTop = 168;

Color colour(const ColourMap& map, float t) {
  t = std::clamp(std::isnan(t) ? 0.f : t, 0.f, 1.f) * (map.size() - 1);
  const int i = std::min(static_cast<int>(t), static_cast<int>(map.size()) - 2);
  const float f = t - i;
  auto channel = [&](int c) { return static_cast<std::uint8_t>(map[i][c] * (1 - f) + map[i + 1][c] * f + 0.5f); };
  return {channel(0), channel(1), channel(2)};
}

void set_pixel(Image& image, int x, int y, Color c) {
  std::uint8_t* p = &image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3];
  p[0] = c.r, p[1] = c.g, p[2] = c.b;
}

// The matrix entries of the `order`ed probes, one pixel each or more (nearest entry).
void draw_panel(Image& image, PanelCorner at, const Eigen::MatrixXf& m, const std::vector<int>& order,
                const ColourMap& map, float high) {
  const int shown = static_cast<int>(order.size());
  for (int y = 0; y < kPanelSide; ++y)
    for (int x = 0; x < kPanelSide; ++x)
      set_pixel(image, at.left + x, at.top + y,
                colour(map, m(order[y * shown / kPanelSide], order[x * shown / kPanelSide]) / high));
  draw_rectangle(image, at.left - 1, at.top - 1, at.left + kPanelSide, at.top + kPanelSide, kBlack, 1);
}

// A vertical colour bar from 0 (bottom) to `high` (top) with a tick and a label every `step`;
// `top_label` replaces the label at the top (to say that larger values are clipped).
void draw_colour_bar(Image& image, int left, int top, const ColourMap& map, float high, float step,
                     const std::string& top_label) {
  for (int y = 0; y < kPanelSide; ++y)
    for (int x = 0; x < kBarWidth; ++x)
      set_pixel(image, left + x, top + y, colour(map, 1.f - y / float(kPanelSide - 1)));
  draw_rectangle(image, left - 1, top - 1, left + kBarWidth, top + kPanelSide, kBlack, 1);
  const int ticks = static_cast<int>(std::lround(high / step));
  for (int k = 0; k <= ticks; ++k) {
    const int y = top + kPanelSide - 1 - static_cast<int>(std::lround(k * step / high * (kPanelSide - 1)));
    draw_line(image, left + kBarWidth, y, left + kBarWidth + 5, y, kBlack);
    const std::string label = k == ticks && !top_label.empty() ? top_label : fmt::format("{:g}", k * step);
    draw_text(image, left + kBarWidth + 8, y - 7, label, kBlack);
  }
}

// `text` cut to `width` pixels, the cut part replaced by "...": at the end, or at the front for
// paths (which keep their file name).
std::string fit(std::string text, int width, double scale = 1.0, bool path = false) {
  if (text_width(text, scale) <= width) return text;
  auto cut = [&] { return path ? "..." + text : text + "..."; };
  while (text.size() > 1 && text_width(cut(), scale) > width) text.erase(path ? 0 : text.size() - 1, 1);
  return cut();
}

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// What the comparison measures, in a few words.
std::string comparison_text(Metric metric) {
  switch (metric) {
    case Metric::kMad:
      return "mean |victim - suspect| over the matrices' entries";
    case Metric::kRsa:
      return "1 - Pearson correlation of the two matrices' entries";
    case Metric::kCka:
      return "1 - linear CKA of the two models' outputs";
    case Metric::kAgree:
      return "1 - share of probes with the victim's top class";
    case Metric::kMargin:
      return "preference for the victim's mistakes";
    default:
      return "combined p-value of " + to_string(components(metric)[0]) + " and " + to_string(components(metric)[1]);
  }
}

// A scale's top: the value rounded up to a quarter, within [0.25, 2] (1 - cos is in [0, 2]).
float scale_top(float value) { return std::clamp(std::ceil(value * 4.f - 1e-4f) / 4.f, 0.25f, 2.f); }

void draw_titles(Image& image, const VerifyReport& r) {
  const RunSettings& s = r.settings;
  const bool stolen = r.verdict == Verdict::kStolen;
  const int width = image.width - 2 * kMargin;
  // The verdict with both file names, or without them when they do not fit (the paths follow).
  const std::string suspect = file_name(r.suspect.path), victim = file_name(r.victim.path);
  std::string verdict = stolen ? "STOLEN: suspect " + suspect + " is a copy of victim " + victim
                               : "independent: suspect " + suspect + " is not a copy of victim " + victim;
  if (text_width(verdict, 1.6, 2) > width)
    verdict =
        stolen ? "STOLEN: the suspect is a copy of the victim" : "independent: the suspect is not a copy of the victim";
  draw_text(image, kMargin, 10, verdict, stolen ? kRed : kGreen, 1.6, 2);
  std::string result = fmt::format("{} distance {:.4f} {} threshold {:.4f}, so {}", to_string(s.metric), r.distance,
                                   stolen ? "<" : ">=", s.threshold, stolen ? "stolen" : "independent");
  if (!r.calibration.empty())
    result += fmt::format("; p-value {:.3g} (fit), {:.3g} (rank)", r.p_value, r.p_value_empirical);
  draw_text(image, kMargin, 42, fit(result, width, 1.15), kBlack, 1.15);
  draw_text(image, kMargin, 68,
            fit(to_string(s.metric) + ": " + comparison_text(s.metric) + ". Threshold: " + s.threshold_source, width),
            kGrey);
  draw_text(image, kMargin, 88, "victim  " + fit(r.victim.path, width / 2 - 70, 1.0, true), kGrey);
  draw_text(image, kMargin + width / 2, 88, "suspect  " + fit(r.suspect.path, width / 2 - 70, 1.0, true), kGrey);
  draw_text(image, kMargin, 108,
            fit(fmt::format("{} probes ({}), {}x{}, JPEG quality {}; mode {}", s.probe_count, s.probe_source,
                            s.probe_options.height, s.probe_options.width, s.probe_options.quality, to_string(s.mode)),
                width),
            kGrey);
}

void draw_panel_titles(Image& image, PanelCorner at, const std::string& title, const std::string& subtitle) {
  draw_text(image, at.left, at.top - 40, fit(title, kPanelSide + kBarRoom - 10, 1.25), kBlack, 1.25);
  draw_text(image, at.left, at.top - 18, fit(subtitle, kPanelSide + kBarRoom - 10), kGrey);
}

}  // namespace

std::array<PanelCorner, 3> verify_plot_panels() {
  const int second = kMargin + kPanelSide + kGap;
  return {{{kMargin, kPanelTop}, {second, kPanelTop}, {second + kPanelSide + kBarRoom + kGap, kPanelTop}}};
}

Image render_verify_plot(const VerifyReport& report, const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect) {
  Image image = blank_image(kVerifyPlotHeight, kVerifyPlotWidth, kWhite);
  const auto panels = verify_plot_panels();
  draw_titles(image, report);

  // One probe order for all panels, from the victim's matrix.
  const std::vector<int> shown = shown_probes(static_cast<int>(victim.rows()), kPanelSide);
  Eigen::MatrixXf among(shown.size(), shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i)
    for (std::size_t j = 0; j < shown.size(); ++j) among(i, j) = victim(shown[i], shown[j]);
  std::vector<int> order;
  for (int k : cluster_order(among)) order.push_back(shown[k]);
  if (order.empty()) return image;

  const float high = scale_top(std::max(victim.maxCoeff(), suspect.maxCoeff()));
  const Eigen::MatrixXf difference = (victim - suspect).cwiseAbs();
  const std::string quantity = "1 - cos of outputs on probes i, j";
  draw_panel_titles(image, panels[0], "victim: " + file_name(report.victim.path), quantity);
  draw_panel(image, panels[0], victim, order, kViridis, high);
  draw_panel_titles(image, panels[1], "suspect: " + file_name(report.suspect.path), quantity);
  draw_panel(image, panels[1], suspect, order, kViridis, high);
  draw_colour_bar(image, panels[1].left + kPanelSide + 14, kPanelTop, kViridis, high, high > 1 ? 0.5f : 0.25f, "");
  draw_panel_titles(image, panels[2], "difference |victim - suspect|",
                    fmt::format("mean {:.3f}; fixed scale 0 to {:g}", difference.mean(), kDifferenceTop));
  draw_panel(image, panels[2], difference, order, kInferno, kDifferenceTop);
  draw_colour_bar(image, panels[2].left + kPanelSide + 14, kPanelTop, kInferno, kDifferenceTop, 0.1f,
                  fmt::format(">={:g}", kDifferenceTop));

  const int below = kPanelTop + kPanelSide + 8;
  const std::string probes = order.size() < static_cast<std::size_t>(victim.rows())
                                 ? fmt::format("{} of {} probes (a regular subset)", order.size(), victim.rows())
                                 : fmt::format("{} probes", order.size());
  for (const PanelCorner& at : panels)
    draw_text(image, at.left, below, fit(probes + " across and down", kPanelSide), kGrey);
  draw_text(image, panels[1].left + kPanelSide + 6, kPanelTop - 18, "1 - cos", kGrey);
  draw_text(image, panels[2].left + kPanelSide + 6, kPanelTop - 18, "|diff|", kGrey);
  const std::string notes[] = {
      "Matrix entry (i, j) = 1 - cos of the model's outputs on probes i and j: 0 (dark) = answered alike, 2 = "
      "opposite.",
      "One probe order in every panel, from clustering the victim's matrix: probes it sees alike form dark blocks; "
      "a copy keeps them.",
      fmt::format("The difference panel has one fixed scale for every suspect (top colour: {:g} or more): a copy's "
                  "stays dark, others light up.",
                  kDifferenceTop)};
  for (int k = 0; k < 3; ++k)
    draw_text(image, kMargin, below + 28 + 20 * k, fit(notes[k], image.width - 2 * kMargin), kBlack);
  return image;
}

}  // namespace sacjc
