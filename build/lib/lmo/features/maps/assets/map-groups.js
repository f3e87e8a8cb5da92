// Markers that would sit on top of each other at the map's current zoom are drawn as one
// group marker ("8+2": place 8 and two more), so no marker covers another: every target
// can be seen, tapped and focused (WCAG 2.2, 2.5.8 target size), and a keyboard user does
// not Tab through a pile of markers she cannot see. Selecting a group zooms in until its
// places come apart.
// assets/map.js calls this once its markers are added and the first view is set.
(function () {
  "use strict";
  // How far apart two markers' centres must be, across and down, for their boxes never to
  // touch: a group marker is 46 px wide, a place's diamond (a 30 px square turned) 42 px
  // across, with 2 px to spare.
  var APART_X = 48;
  var APART_Y = 44;

  function tooClose(a, b) {
    return Math.abs(a.x - b.x) < APART_X && Math.abs(a.y - b.y) < APART_Y;
  }

  function iconFor(numbers) {
    var shown = numbers[0] + "+" + (numbers.length - 1);
    return L.divIcon({
      className: "app-marker app-marker--group",
      html: '<span class="app-marker__letter" aria-hidden="true">' + shown + "</span>",
      iconSize: [46, 30],
      iconAnchor: [23, 15],
    });
  }

  window.lmoGroupMarkers = function (map, members, labelTemplate) {
    // members: [{marker, number, label}] in list order.
    var groupLayer = L.layerGroup().addTo(map);
    var focusAfterRegroup = null;

    function setShown(marker, shown) {
      var element = marker.getElement();
      if (element) { element.style.display = shown ? "" : "none"; }
    }

    function elementOf(member) {
      var group = member.groupMarker;
      return group ? group.getElement() : member.marker.getElement();
    }

    // Places are never at one point (lmo/map_pages.py sets markers that share a position
    // in a small ring), so zooming in always brings a group's places apart.
    function openGroup(found) {
      var bounds = L.latLngBounds(found.map(function (m) { return m.marker.getLatLng(); }));
      focusAfterRegroup = found[0];
      map.fitBounds(bounds, { padding: [APART_X * 1.5, APART_Y * 1.5] });
    }

    function regroup() {
      groupLayer.clearLayers();
      var anchors = [];
      members.forEach(function (member) {
        member.groupMarker = null;
        if (!map.hasLayer(member.marker)) { return; }  // its layer is switched off
        var point = map.latLngToLayerPoint(member.marker.getLatLng());
        for (var i = 0; i < anchors.length; i += 1) {
          if (tooClose(anchors[i].point, point)) {
            anchors[i].found.push(member);
            return;
          }
        }
        anchors.push({ point: point, found: [member] });
      });
      anchors.forEach(function (anchor) {
        var found = anchor.found;
        if (found.length === 1) {
          setShown(found[0].marker, true);
          return;
        }
        var names = found.map(function (m) { return m.label; }).join("; ");
        var group = L.marker(found[0].marker.getLatLng(), {
          icon: iconFor(found.map(function (m) { return m.number; })),
          keyboard: true,
          riseOnHover: true,
        });
        group.on("add", function () {
          var element = group.getElement();
          element.setAttribute("role", "button");
          // The name begins with what the marker shows ("8+2"), so she can say it to
          // voice control (WCAG 2.5.3, label in name).
          element.setAttribute(
            "aria-label",
            element.textContent + ". " + labelTemplate.replace("{places}", names)
          );
        });
        group.on("click", function () { openGroup(found); });
        // Leaflet turns Enter on a marker into "keypress", not "click". Space too: the
        // group marker is a button.
        group.on("keypress", function (event) {
          var key = event.originalEvent.key;
          if (key === "Enter" || key === " ") {
            event.originalEvent.preventDefault();
            openGroup(found);
          }
        });
        found.forEach(function (m) {
          setShown(m.marker, false);
          m.groupMarker = group;
        });
        group.addTo(groupLayer);
      });
      if (focusAfterRegroup) {
        var element = elementOf(focusAfterRegroup);
        focusAfterRegroup = null;
        if (element) { element.focus(); }
      }
    }

    map.on("zoomend overlayadd overlayremove", regroup);
    regroup();
  };
})();
