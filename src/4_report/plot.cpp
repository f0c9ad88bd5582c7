// Two panels under two title lines. Left: ROC (false-positive rate across, true-positive rate
// up, ticks every 0.2), one curve per stolen family against its baseline in its own colour,
// AUC in the legend. Right: a strip chart, one row per family, one ring per model at its
// distance (log axis), spread up and down within the row so that models at one distance stay
// countable, and the operating threshold as a red line.
#include "sacjc/plot.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace sacjc {
namespace {

constexpr Color kWhite{255, 255, 255}, kBlack{0, 0, 0}, kGrey{110, 110, 110}, kLight{225, 225, 225}, kRed{214, 39, 40};
// tab10 without its red (the threshold's) and grey (independent models').
constexpr Color kPalette[] = {{31, 119, 180}, {255, 127, 14},  {44, 160, 44},  {148, 103, 189},
                              {140, 86, 75},  {227, 119, 194}, {188, 189, 34}, {23, 190, 207}};
constexpr int kTop = 110, kSide = 400;          // both panels' plot areas: top edge, height
constexpr int kRocLeft = 80, kStripLeft = 680;  // left edges; the strip chart is kStripWidth wide
constexpr int kStripWidth = 520;
constexpr int kPad = 8;  // the ROC's 0 and 1 lie this far inside the frame, so curves on them show

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Stolen families get the palette in order; independent groups are grey.
std::map<std::string, Color> family_colours(const EvaluateReport& report) {
  std::map<std::string, Color> colours;
  std::size_t next = 0;
  for (const FamilyResult& f : report.families)
    colours[f.role + "/" + f.family] = f.role == "stolen" ? kPalette[next++ % std::size(kPalette)] : kGrey;
  return colours;
}

void draw_titles(Image& image, const EvaluateReport& report) {
  const RunSettings& s = report.settings;
  int stolen = 0, independent = 0, failed = 0;
  for (const ModelResult& m : report.models)
    (!m.distance ? failed : m.entry.role == "stolen" ? stolen : independent) += 1;
  draw_text(image, 24, 10,
            "Does the fingerprint of " + file_name(report.victim.path) + " tell its copies from independent models?",
            kBlack, 1.5, 2);
  std::string line = fmt::format("{} {} and {} independent {}{}; comparison {}, {} probes, mode {}; ", stolen,
                                 stolen == 1 ? "copy" : "copies", independent, independent == 1 ? "model" : "models",
                                 failed ? fmt::format(" ({} failed)", failed) : "", to_string(s.metric), s.probe_count,
                                 to_string(s.mode));
  line += fmt::format("threshold {:.4g}: {}", s.threshold, s.threshold_source);
  while (text_width(line) > image.width - 48 && line.size() > 4) line.erase(line.size() - 4) += "...";
  draw_text(image, 24, 42, line, kGrey);
}

void draw_roc(Image& image, const EvaluateReport& report, const std::map<std::string, Color>& colours) {
  const int left = kRocLeft, top = kTop, inner = kSide - 2 * kPad;
  auto x_of = [&](double rate) { return left + kPad + static_cast<int>(std::lround(rate * inner)); };
  auto y_of = [&](double rate) { return top + kSide - kPad - static_cast<int>(std::lround(rate * inner)); };
  draw_text(image, left, top - 40, "ROC per stolen family", kBlack, 1.3);
  draw_text(image, left, top - 16, "each family's copies against its independent models", kGrey);
  for (int k = 0; k <= 5; ++k) {  // grid, ticks and tick labels every 0.2
    const double rate = k / 5.0;
    draw_line(image, x_of(rate), top, x_of(rate), top + kSide, kLight);
    draw_line(image, left, y_of(rate), left + kSide, y_of(rate), kLight);
    draw_line(image, x_of(rate), top + kSide, x_of(rate), top + kSide + 5, kBlack);
    draw_line(image, left - 5, y_of(rate), left, y_of(rate), kBlack);
    const std::string label = fmt::format("{:.1f}", rate);
    draw_text(image, x_of(rate) - text_width(label) / 2, top + kSide + 8, label, kBlack);
    draw_text(image, left - 10 - text_width(label), y_of(rate) - 7, label, kBlack);
  }
  draw_rectangle(image, left, top, left + kSide, top + kSide, kBlack, 1);
  draw_line(image, x_of(0), y_of(0), x_of(1), y_of(1), kGrey);  // chance
  draw_text(image, x_of(0.62), y_of(0.55), "chance", kGrey);
  const std::string x_label = "false-positive rate (independent models called stolen)";
  draw_text(image, left + kSide / 2 - text_width(x_label) / 2, top + kSide + 28, x_label, kBlack);
  draw_text_upwards(image, left - 62, top + kSide / 2 + 110, "true-positive rate (copies caught)", kBlack);

  // Curves, each shifted 2 pixels right and down from the one before so that equal curves
  // (several families at AUC 1, say) stay visible.
  std::vector<const FamilyResult*> drawn;
  for (const FamilyResult& f : report.families)
    if (f.role == "stolen" && f.auc) drawn.push_back(&f);
  if (drawn.empty()) {
    draw_text(image, x_of(0.2), y_of(0.5), "no stolen family with independent models to draw", kGrey);
    return;
  }
  std::vector<std::string> legend;
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    const FamilyResult& f = *drawn[k];
    const std::vector<double> baseline = distances_of(report.models, "independent", f.baseline);
    const auto curve = roc_curve(distances_of(report.models, "stolen", f.family), baseline);
    const int shift = 2 * static_cast<int>(k);
    for (std::size_t p = 1; p < curve.size(); ++p)
      draw_line(image, x_of(curve[p - 1].false_positive_rate) + shift, y_of(curve[p - 1].true_positive_rate) + shift,
                x_of(curve[p].false_positive_rate) + shift, y_of(curve[p].true_positive_rate) + shift,
                colours.at("stolen/" + f.family), 2);
    legend.push_back(fmt::format("{}  AUC {:.3f} ({} vs {})", f.family, *f.auc, f.models, baseline.size()));
  }
  // The legend on a white box in the lower right, over the curves.
  legend.insert(legend.begin(), "family  AUC (copies vs independent)");
  if (drawn.size() > 1) legend.insert(legend.begin(), "curves 2 px apart, so equal ones show");
  const int notes = static_cast<int>(legend.size() - drawn.size());
  int width = 0;
  for (std::size_t k = 0; k < legend.size(); ++k)
    width = std::max(width, text_width(legend[k]) + (static_cast<int>(k) >= notes ? 26 : 0));
  const int box_left = left + kSide - width - 18, box_top = top + kSide - 18 * static_cast<int>(legend.size()) - 18;
  draw_rectangle(image, box_left, box_top, left + kSide - 6, top + kSide - 6, kWhite);
  draw_rectangle(image, box_left, box_top, left + kSide - 6, top + kSide - 6, kLight, 1);
  for (int k = 0; k < static_cast<int>(legend.size()); ++k) {
    const int y = box_top + 6 + 18 * k;
    if (k < notes) {
      draw_text(image, box_left + 6, y, legend[k], kGrey);
      continue;
    }
    const Color colour = colours.at("stolen/" + drawn[k - notes]->family);
    draw_line(image, box_left + 6, y + 7, box_left + 24, y + 7, colour, 3);
    draw_text(image, box_left + 32, y, legend[k], kBlack);
  }
}

// Log-axis ticks between low and high: decades, and 2 and 5 times them when under three decades fit.
std::vector<double> log_ticks(double low, double high) {
  std::vector<double> decades, ticks;
  for (double t = std::pow(10.0, std::ceil(std::log10(low) - 1e-9)); t <= high * (1 + 1e-9); t *= 10)
    decades.push_back(t);
  if (decades.size() >= 3) return decades;
  for (double d = std::pow(10.0, std::floor(std::log10(low))); d <= high; d *= 10)
    for (double m : {1.0, 2.0, 5.0})
      if (m * d >= low && m * d <= high) ticks.push_back(m * d);
  return ticks;
}

void draw_strips(Image& image, const EvaluateReport& report, const std::map<std::string, Color>& colours) {
  const int left = kStripLeft, top = kTop;
  const double threshold = report.settings.threshold;
  draw_text(image, left, top - 40, "Every model's distance to the victim", kBlack, 1.3);
  draw_text(image, left, top - 16, "one ring per model, spread up and down; left of the red line counts as stolen",
            kGrey);
  double low = threshold > 0 ? threshold : 1, high = low;
  for (const auto& m : report.models)
    if (m.distance && *m.distance > 0) low = std::min(low, *m.distance), high = std::max(high, *m.distance);
  low = std::max(1e-6, low / 1.6), high *= 1.6;
  auto x_of = [&](double d) {
    const double t = (std::log10(std::max(d, low)) - std::log10(low)) / (std::log10(high) - std::log10(low));
    return left + static_cast<int>(std::lround(t * kStripWidth));
  };
  for (double tick : log_ticks(low, high)) {
    draw_line(image, x_of(tick), top, x_of(tick), top + kSide, kLight);
    draw_line(image, x_of(tick), top + kSide, x_of(tick), top + kSide + 5, kBlack);
    const std::string label = fmt::format("{:g}", tick);
    draw_text(image, x_of(tick) - text_width(label) / 2, top + kSide + 8, label, kBlack);
  }
  const int rows = std::max<int>(1, static_cast<int>(report.families.size()));
  const int row_height = kSide / rows, spread = std::min(row_height / 3, 14);
  for (int i = 0; i < static_cast<int>(report.families.size()); ++i) {
    const FamilyResult& f = report.families[i];
    const int y = top + i * row_height + row_height / 2;
    const Color colour = colours.at(f.role + "/" + f.family);
    if (i > 0) draw_line(image, left, top + i * row_height, left + kStripWidth, top + i * row_height, kLight);
    const std::string label =
        fmt::format("{} ({}{})", f.family, f.models, f.errors ? fmt::format(", {} failed", f.errors) : "");
    draw_text(image, left - 10 - text_width(label), y - 7, label, f.role == "stolen" ? colour : kBlack);
    // Rings sorted by distance, stepping through up to 5 heights across the row, so that
    // neighbours (and models at one distance) sit at different heights.
    std::vector<double> distances = distances_of(report.models, f.role, f.family);
    std::sort(distances.begin(), distances.end());
    const int n = static_cast<int>(distances.size()), heights = std::min(n, 5);
    for (int k = 0; k < n; ++k) {
      const double step = heights == 1 ? 0.0 : 2.0 * (k % heights) / (heights - 1) - 1.0;  // -1 .. 1
      draw_circle(image, x_of(distances[k]), y + static_cast<int>(std::lround(spread * step)), 5, colour, 2);
    }
  }
  draw_rectangle(image, left, top, left + kStripWidth, top + kSide, kBlack, 1);
  draw_line(image, x_of(threshold), top, x_of(threshold), top + kSide, kRed, 2);
  const std::string label = fmt::format("threshold {:.4g}", threshold);
  const bool room_right = x_of(threshold) + 6 + text_width(label) < left + kStripWidth;  // else left of the line
  draw_text(image, room_right ? x_of(threshold) + 6 : x_of(threshold) - 6 - text_width(label), top + 3, label, kRed);
  const std::string x_label = "distance to the victim (" + to_string(report.settings.metric) + ", log scale)";
  draw_text(image, left + kStripWidth / 2 - text_width(x_label) / 2, top + kSide + 28, x_label, kBlack);
  draw_text(image, left - 10 - text_width("family (models)"), top + 3, "family (models)", kGrey);
}

}  // namespace

Image render_evaluation_plot(const EvaluateReport& report) {
  Image image = blank_image(kEvaluatePlotHeight, kEvaluatePlotWidth, kWhite);
  const auto colours = family_colours(report);
  draw_titles(image, report);
  draw_roc(image, report, colours);
  draw_strips(image, report, colours);
  const std::string note =
      "A copy should sit left of the red line and an independent model right of it; a family's AUC is the chance "
      "that a copy is closer to the victim than an independent model.";
  draw_text(image, 24, kEvaluatePlotHeight - 34, note, kBlack);
  return image;
}

}  // namespace sacjc
